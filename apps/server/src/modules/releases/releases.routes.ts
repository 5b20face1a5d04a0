import {
  Channel,
  ChannelIdParams,
  ChannelListOutput,
  ChannelListQuery,
  CreateChannelInput,
  CreateReleaseInput,
  Release,
  ReleaseIdParams,
  ReleaseListOutput,
  ReleaseListQuery,
  ReleaseReadiness,
  SweepQuery,
  UpdateChannelInput,
  UpdateReleaseInput,
  WithdrawReleaseInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keepRelease, updateRelease, withdrawRelease } from './verbs/change-release.ts';
import { createChannel, listChannelsFor, updateChannelEntry } from './verbs/channels.ts';
import { createRelease, releaseReadiness, requestReleaseReview } from './verbs/create-release.ts';
import { listReleasesFor, sweepReleases } from './verbs/list-releases.ts';

const ManuscriptRef = z.strictObject({ manuscriptId: z.uuid('稿件无效') });

export const releasesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['信息发布'];
  const byId = { tags, params: ReleaseIdParams };

  app.get('/api/releases/channels', { schema: { tags, querystring: ChannelListQuery, response: { 200: ChannelListOutput } } }, async (req) => ({
    items: await listChannelsFor({ ctx: req.ctx, orgId: req.query.orgId }),
  }));
  app.post('/api/releases/channels', { schema: { tags, body: CreateChannelInput, response: { 201: Channel } } }, async (req, reply) =>
    reply.status(201).send(await createChannel({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/releases/channels/:id', { schema: { tags, params: ChannelIdParams, body: UpdateChannelInput, response: { 200: Channel } } }, (req) =>
    updateChannelEntry({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );

  app.get('/api/releases', { schema: { tags, querystring: ReleaseListQuery, response: { 200: ReleaseListOutput } } }, (req) => listReleasesFor({ ctx: req.ctx, input: req.query }));
  app.get('/api/releases/sweep', { schema: { tags, querystring: SweepQuery, response: { 200: ReleaseListOutput } } }, (req) => sweepReleases({ ctx: req.ctx, input: req.query }));
  app.get('/api/releases/readiness', { schema: { tags, querystring: ManuscriptRef, response: { 200: ReleaseReadiness } } }, (req) =>
    releaseReadiness({ ctx: req.ctx, manuscriptId: req.query.manuscriptId }),
  );
  app.post('/api/releases/review-requests', { schema: { tags, body: ManuscriptRef, response: { 200: ReleaseReadiness } } }, (req) =>
    requestReleaseReview({ ctx: req.ctx, manuscriptId: req.body.manuscriptId }),
  );
  app.post('/api/releases', { schema: { tags, body: CreateReleaseInput, response: { 201: Release } } }, async (req, reply) =>
    reply.status(201).send(await createRelease({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/releases/:id', { schema: { ...byId, body: UpdateReleaseInput, response: { 200: Release } } }, (req) => updateRelease({ ctx: req.ctx, id: req.params.id, input: req.body }));
  app.post('/api/releases/:id/withdraw', { schema: { ...byId, body: WithdrawReleaseInput, response: { 200: Release } } }, (req) =>
    withdrawRelease({ ctx: req.ctx, id: req.params.id, reason: req.body.reason }),
  );
  app.post('/api/releases/:id/keep', { schema: { ...byId, response: { 200: Release } } }, (req) => keepRelease({ ctx: req.ctx, id: req.params.id }));
};
