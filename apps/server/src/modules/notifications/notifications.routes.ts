import {
  NotificationChannelCreateInput,
  NotificationChannelIdParams,
  NotificationChannelListOutput,
  NotificationChannelListQuery,
  NotificationChannelTestInput,
  NotificationChannelTestOutput,
  NotificationChannelUpdateInput,
  NotificationChannel,
  NotificationDeliveryIdParams,
  DeliveryListOutput,
  DeliveryListQuery,
  MarkReadOutput,
  NotificationIdParams,
  NotificationListOutput,
  NotificationListQuery,
  NotificationSettings,
  PreferencesInput,
  PreferencesOutput,
  UnreadCountOutput,
} from '@xuanlian/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createChannel, listChannels, removeChannel, testChannel, updateChannelVerb } from './verbs/channels.ts';
import { listDeliveries, retryDelivery } from './verbs/deliveries.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './verbs/inbox.ts';
import { getPreferences, savePreferences } from './verbs/preferences.ts';
import { getNotificationSettings, updateNotificationSettings } from './verbs/settings.ts';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['通知'];
  app.get('/api/notifications', { schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationListOutput } } }, (req) => listNotifications({ ctx: req.ctx, input: req.query }));
  app.get('/api/notifications/unread-count', { schema: { tags, response: { 200: UnreadCountOutput } } }, (req) => unreadCount({ ctx: req.ctx }));
  app.post('/api/notifications/:id/read', { schema: { tags, params: NotificationIdParams, response: { 200: MarkReadOutput } } }, (req) => markRead({ ctx: req.ctx, id: req.params.id }));
  app.post('/api/notifications/read-all', { schema: { tags, response: { 200: MarkReadOutput } } }, (req) => markAllRead({ ctx: req.ctx }));

  app.get('/api/notifications/preferences', { schema: { tags, response: { 200: PreferencesOutput } } }, (req) => getPreferences({ ctx: req.ctx }));
  app.put('/api/notifications/preferences', { schema: { tags, body: PreferencesInput, response: { 200: PreferencesOutput } } }, (req) => savePreferences({ ctx: req.ctx, input: req.body }));

  app.get('/api/notifications/channels', { schema: { tags, querystring: NotificationChannelListQuery, response: { 200: NotificationChannelListOutput } } }, (req) =>
    listChannels({ ctx: req.ctx, input: req.query }),
  );
  app.post('/api/notifications/channels', { schema: { tags, body: NotificationChannelCreateInput, response: { 201: NotificationChannel } } }, async (req, reply) =>
    reply.code(201).send(await createChannel({ ctx: req.ctx, input: req.body })),
  );
  app.patch('/api/notifications/channels/:id', { schema: { tags, params: NotificationChannelIdParams, body: NotificationChannelUpdateInput, response: { 200: NotificationChannel } } }, (req) =>
    updateChannelVerb({ ctx: req.ctx, id: req.params.id, input: req.body }),
  );
  app.delete('/api/notifications/channels/:id', { schema: { tags, params: NotificationChannelIdParams, response: { 200: z.object({ deleted: z.literal(true) }) } } }, (req) =>
    removeChannel({ ctx: req.ctx, id: req.params.id }),
  );
  app.post(
    '/api/notifications/channels/:id/test',
    { schema: { tags, params: NotificationChannelIdParams, body: NotificationChannelTestInput.optional(), response: { 200: NotificationChannelTestOutput } } },
    (req) => testChannel({ ctx: req.ctx, id: req.params.id, input: req.body ?? {} }),
  );

  app.get('/api/notifications/deliveries', { schema: { tags, querystring: DeliveryListQuery, response: { 200: DeliveryListOutput } } }, (req) => listDeliveries({ ctx: req.ctx, input: req.query }));
  app.post('/api/notifications/deliveries/:id/retry', { schema: { tags, params: NotificationDeliveryIdParams, response: { 200: z.object({ ok: z.literal(true) }) } } }, (req) =>
    retryDelivery({ ctx: req.ctx, id: req.params.id }),
  );

  app.get('/api/notifications/settings', { schema: { tags, response: { 200: NotificationSettings } } }, (req) => getNotificationSettings({ ctx: req.ctx }));
  app.put('/api/notifications/settings', { schema: { tags, body: NotificationSettings, response: { 200: NotificationSettings } } }, (req) =>
    updateNotificationSettings({ ctx: req.ctx, input: req.body }),
  );
};
