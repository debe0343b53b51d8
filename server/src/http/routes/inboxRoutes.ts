import { z } from 'zod';
import type { PublicUser } from '../../auth/authService.js';
import type { InboxService } from '../../inbox/createInboxService.js';
import type { RealtimeHub } from '../../inbox/createRealtimeHub.js';
import { AppError } from '../AppError.js';
import { defineRoute, noBody, type Route } from '../route.js';

const Status = z.enum(['bot', 'queued', 'assigned', 'closed']);
const ListQuery = z.object({
  view: z.enum(['queue', 'mine', 'all']).default('all'),
  status: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(Status))
    .optional(),
  queue: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
});
const Text = z.string().trim().min(1).max(4096);
const ReplyBody = z.union([
  z.object({ text: Text }).strict(),
  z.object({ quickReply: z.string().min(1).max(33) }).strict(),
  z.object({ template: z.object({ name: z.string().min(1), language: z.string().min(1), parameters: z.array(z.string().min(1).max(1024)).max(20).default([]) }) }).strict(),
]);

const signedIn = (user: PublicUser | null): PublicUser => {
  if (!user) throw new AppError({ code: 'auth/required', message: 'Sign in first.', httpStatus: 401 });
  return user;
};

/** The operator inbox: lists, the conversation view, every state change, and the live event stream. */
export function inboxRoutes(deps: { inbox: InboxService; hub: RealtimeHub }): Route[] {
  const { inbox } = deps;
  const access = ['operator'] as const;
  const base = '/api/inbox/conversations/:id';
  return [
    defineRoute({
      method: 'get',
      path: '/api/inbox/conversations',
      access,
      summary: 'Inbox list: ?view=queue|mine|all, filter by ?status=, ?queue= (team) and ?label=; queue oldest first.',
      tag: 'inbox',
      body: noBody,
      async handle({ query, user }) {
        const q = ListQuery.parse(query);
        return { body: { conversations: await inbox.list({ view: q.view, user: signedIn(user), ...(q.status ? { status: q.status } : {}), ...(q.queue ? { queue: q.queue } : {}), ...(q.label ? { label: q.label } : {}) }) } };
      },
    }),
    defineRoute({ method: 'get', path: base, access, summary: 'A conversation: history with notes and delivery states, contact, collected data, window, consent.', tag: 'inbox', body: noBody, handle: async ({ params }) => ({ body: await inbox.view(params.id ?? '') }) }),
    defineRoute({
      method: 'get',
      path: `${base}/quick-replies`,
      access,
      summary: "Quick replies with this conversation's variables filled in (for /shortcut completion).",
      tag: 'inbox',
      body: noBody,
      handle: async ({ params, user }) => ({ body: { quickReplies: await inbox.quickRepliesFor(params.id ?? '', signedIn(user)) } }),
    }),
    defineRoute({ method: 'post', path: `${base}/claim`, access, summary: 'Take a queued conversation (409 if someone was first).', tag: 'inbox', body: noBody, handle: async ({ params, user }) => ({ body: await inbox.claim(params.id ?? '', signedIn(user)) }) }),
    defineRoute({
      method: 'post',
      path: `${base}/transfer`,
      access,
      summary: 'Hand the conversation to another operator, or back to a team queue.',
      tag: 'inbox',
      body: z.union([z.object({ operatorId: z.string().min(1) }).strict(), z.object({ queue: z.string().trim().min(1).max(60) }).strict()]),
      handle: async ({ params, user, body }) => ({ body: await inbox.transfer(params.id ?? '', signedIn(user), body) }),
    }),
    defineRoute({
      method: 'post',
      path: `${base}/reply`,
      access,
      summary: 'Send text, a quick reply (expanded) or an approved template; free text is refused outside the 24-hour window.',
      tag: 'inbox',
      body: ReplyBody,
      handle: async ({ params, user, body }) => ({ status: 202, body: await inbox.reply(params.id ?? '', signedIn(user), body) }),
    }),
    defineRoute({ method: 'post', path: `${base}/notes`, access, summary: 'Add an internal note (never sent).', tag: 'inbox', body: z.object({ text: Text }), handle: async ({ params, user, body }) => ({ status: 201, body: { note: await inbox.note(params.id ?? '', signedIn(user), body.text) } }) }),
    defineRoute({
      method: 'post',
      path: `${base}/labels`,
      access,
      summary: 'Add and remove labels.',
      tag: 'inbox',
      body: z.object({ add: z.array(z.string().trim().min(1).max(40)).max(20).default([]), remove: z.array(z.string().min(1).max(40)).max(20).default([]) }),
      handle: async ({ params, user, body }) => ({ body: await inbox.labels(params.id ?? '', signedIn(user), body) }),
    }),
    defineRoute({
      method: 'post',
      path: `${base}/consent`,
      access,
      summary: "Record the customer's opt-in or opt-out as told to the operator.",
      tag: 'inbox',
      body: z.object({ state: z.enum(['in', 'out']) }),
      handle: async ({ params, user, body }) => ({ body: { consent: await inbox.recordConsent(params.id ?? '', signedIn(user), body.state) } }),
    }),
    defineRoute({ method: 'post', path: `${base}/resolve`, access, summary: 'Close the conversation (the next customer message goes to the bot).', tag: 'inbox', body: noBody, handle: async ({ params, user }) => ({ body: await inbox.resolve(params.id ?? '', signedIn(user)) }) }),
    defineRoute({
      method: 'post',
      path: `${base}/return`,
      access,
      summary: 'Give the conversation back to the bot, optionally at a chosen flow and node.',
      tag: 'inbox',
      body: z.object({ flowId: z.string().min(1).optional(), nodeId: z.string().min(1).optional() }),
      handle: async ({ params, user, body }) => ({ body: await inbox.returnToBot(params.id ?? '', signedIn(user), body) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/inbox/operators',
      access,
      summary: 'Operators with whether they are online (for transfers).',
      tag: 'inbox',
      body: noBody,
      handle: async () => ({ body: { operators: await inbox.operators() } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/events/stream',
      access,
      summary: 'Server-Sent Events: conversation, message and status changes, live.',
      tag: 'inbox',
      body: noBody,
      handle: async ({ user }) => ({ sse: (channel) => deps.hub.attach(signedIn(user), channel) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/inbox/heartbeat',
      access,
      summary: 'Keep the operator online for auto-assignment (an open event stream does this too).',
      tag: 'inbox',
      body: noBody,
      async handle({ user }) {
        await deps.hub.heartbeat(signedIn(user).id);
        return { status: 204 };
      },
    }),
  ];
}
