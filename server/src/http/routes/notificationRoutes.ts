import { z } from 'zod';
import type { NotificationService } from '../../notifications/createNotificationService.js';
import { defineRoute, type Route } from '../route.js';
import { noBody } from '../route.js';

const Phone = z.string().min(6).max(20);

/** For the business's own systems, with `Authorization: Bearer sbk_…`. */
export function notificationRoutes(notifications: NotificationService): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/notifications',
      access: 'apiKey',
      summary: 'Send an approved template to an opted-in contact; optionally make their reply land in a flow.',
      tag: 'notifications',
      body: z.object({
        to: Phone,
        template: z.object({ name: z.string().min(1), language: z.string().min(1), parameters: z.array(z.string().min(1).max(1024)).max(20).default([]) }),
        replyFlow: z.object({ flowId: z.string().min(1), nodeId: z.string().min(1).optional() }).optional(),
      }),
      handle: async ({ body, apiKey }) => ({ status: 202, body: { notification: await notifications.send(body, apiKey) } }),
    }),
    defineRoute({ method: 'get', path: '/api/notifications/:id', access: 'apiKey', summary: 'Delivery state of a notification.', tag: 'notifications', body: noBody, handle: async ({ params }) => ({ body: { notification: await notifications.status(params.id ?? '') } }) }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/consent',
      access: 'apiKey',
      summary: "Record a contact's opt-in (or opt-out) collected by the business, with its source.",
      tag: 'notifications',
      body: z.object({ to: Phone, state: z.enum(['in', 'out']), source: z.string().trim().min(1).max(120) }),
      handle: async ({ body }) => ({ body: { consent: await notifications.recordConsent(body) } }),
    }),
  ];
}
