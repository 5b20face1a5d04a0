import { MarkReadOutput, NotificationIdParams, NotificationListOutput, NotificationListQuery, UnreadCountOutput } from '@xuanlian/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listNotifications, markAllRead, markRead, unreadCount } from './verbs/inbox.ts';

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['通知'];
  app.get('/api/notifications', { schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationListOutput } } }, (req) =>
    listNotifications({ ctx: req.ctx, input: req.query }),
  );
  app.get('/api/notifications/unread-count', { schema: { tags, response: { 200: UnreadCountOutput } } }, (req) => unreadCount({ ctx: req.ctx }));
  app.post('/api/notifications/:id/read', { schema: { tags, params: NotificationIdParams, response: { 200: MarkReadOutput } } }, (req) =>
    markRead({ ctx: req.ctx, id: req.params.id }),
  );
  app.post('/api/notifications/read-all', { schema: { tags, response: { 200: MarkReadOutput } } }, (req) => markAllRead({ ctx: req.ctx }));
};
