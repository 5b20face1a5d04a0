import { CreateUserInput, ResetPasswordInput, RevealedUserFields, UpdateUserInput, User, UserIdParams, UserListOutput, UserListQuery } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activateUser } from './verbs/activate-user.ts';
import { createUser } from './verbs/create-user.ts';
import { getUser } from './verbs/get-user.ts';
import { listUsers } from './verbs/list-users.ts';
import { resetUserPassword } from './verbs/reset-password.ts';
import { unlockUser } from './verbs/unlock-user.ts';
import { updateUser } from './verbs/update-user.ts';
import { resetSecondFactor } from './verbs/reset-second-factor.ts';
import { revealUser } from './verbs/reveal-user.ts';

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['用户'];
  const byId = { tags, params: UserIdParams, response: { 200: User } };
  app.get('/api/users', { schema: { tags, querystring: UserListQuery, response: { 200: UserListOutput } } }, (req) => listUsers({ ctx: req.ctx, input: req.query }));
  app.get('/api/users/:id', { schema: byId }, (req) => getUser({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/users', { schema: { tags, body: CreateUserInput, response: { 201: User } } }, async (req, reply) => reply.status(201).send(await createUser({ ctx: req.ctx, input: req.body })));
  app.patch('/api/users/:id', { schema: { ...byId, body: UpdateUserInput } }, (req) => updateUser({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/users/:id/activate', { schema: byId }, (req) => activateUser({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/users/:id/unlock', { schema: byId }, (req) => unlockUser({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/users/:id/password-reset', { schema: { ...byId, body: ResetPasswordInput } }, (req) => resetUserPassword({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/users/:id/second-factor/reset', { schema: byId }, (req) => resetSecondFactor({ ctx: req.ctx, id: req.params.id }));
  // POST, not GET: every reveal writes an audit row.
  app.post('/api/users/:id/reveal', { schema: { tags, params: UserIdParams, response: { 200: RevealedUserFields } } }, (req) => revealUser({ ctx: req.ctx, id: req.params.id }));
};
