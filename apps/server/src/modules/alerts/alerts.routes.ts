import {
  Alert,
  AlertIdParams,
  AlertListOutput,
  AlertListQuery,
  AlertRule,
  AlertRuleIdParams,
  AlertRuleListOutput,
  AlertRuleListQuery,
  CreateAlertRuleInput,
  DeliveryIdParams,
  InboxOutput,
  InboxQuery,
  UpdateAlertRuleInput,
} from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acknowledgeAlert, getAlert, listAlerts, myInbox, readDelivery } from './verbs/alerts.ts';
import { createAlertRule, listAlertRules, updateAlertRule } from './verbs/rules.ts';

export const alertsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['舆情预警'];
  app.get('/api/alerts', { schema: { tags, querystring: AlertListQuery, response: { 200: AlertListOutput } } }, (req) => listAlerts({ ctx: req.ctx, input: req.query }));
  app.get('/api/alerts/inbox', { schema: { tags, querystring: InboxQuery, response: { 200: InboxOutput } } }, (req) => myInbox({ ctx: req.ctx, input: req.query }));
  app.post('/api/alerts/inbox/:id/read', { schema: { tags, params: DeliveryIdParams } }, async (req, reply) => {
    await readDelivery({ ctx: req.ctx, id: req.params.id });
    return reply.status(204).send();
  });
  app.get('/api/alerts/rules', { schema: { tags, querystring: AlertRuleListQuery, response: { 200: AlertRuleListOutput } } }, async (req) => ({
    items: await listAlertRules({ ctx: req.ctx, topicId: req.query.topicId }),
  }));
  app.post('/api/alerts/rules', { schema: { tags, body: CreateAlertRuleInput, response: { 201: AlertRule } } }, async (req, reply) =>
    reply.status(201).send(await createAlertRule({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/alerts/rules/:id', { schema: { tags, params: AlertRuleIdParams, body: UpdateAlertRuleInput, response: { 200: AlertRule } } }, (req) =>
    updateAlertRule({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.get('/api/alerts/:id', { schema: { tags, params: AlertIdParams, response: { 200: Alert } } }, (req) => getAlert({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/alerts/:id/ack', { schema: { tags, params: AlertIdParams, response: { 200: Alert } } }, (req) => acknowledgeAlert({ ctx: req.ctx, id: req.params.id }));
};
