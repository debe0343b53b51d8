import { z } from 'zod';
import type { Store } from '../../store/types.js';
import { notFound } from '../AppError.js';
import { defineRoute, noBody, type Route } from '../route.js';

const Status = z.enum(['bot', 'queued', 'assigned', 'closed']);

export function conversationRoutes(store: Store): Route[] {
  const access = ['operator'] as const;
  return [
    defineRoute({
      method: 'get',
      path: '/api/conversations',
      access,
      summary: 'Conversations, most recent first (filter with ?status=queued,assigned).',
      tag: 'conversations',
      body: noBody,
      async handle({ query }) {
        const raw = typeof query.status === 'string' ? query.status.split(',') : [];
        const status = raw.flatMap((s) => (Status.safeParse(s).success ? [Status.parse(s)] : []));
        return { body: { conversations: await store.listConversations({ ...(status.length ? { status } : {}), limit: 200 }) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/conversations/:id/messages',
      access,
      summary: 'The messages of a conversation, oldest first.',
      tag: 'conversations',
      body: noBody,
      async handle({ params }) {
        const id = params.id ?? '';
        if (!(await store.getConversation(id))) throw notFound('Conversation');
        return { body: { messages: await store.listMessages(id, { limit: 500 }) } };
      },
    }),
  ];
}
