import { z } from 'zod';
import type { PreviewService } from '../../channels/webchat/createPreviewService.js';
import { defineRoute, noBody, type Route } from '../route.js';

const MessageBody = z.union([
  z.object({ text: z.string().min(1).max(4096) }),
  z.object({ choice: z.object({ id: z.string().min(1).max(256), title: z.string().max(256) }) }),
]);

export function previewRoutes(preview: PreviewService): Route[] {
  const access = ['analyst'] as const;
  return [
    defineRoute({
      method: 'post',
      path: '/api/preview/sessions',
      access,
      summary: 'Start a preview conversation on a flow (optionally an unsaved draft); returns the first replies.',
      tag: 'preview',
      body: z.object({ flowId: z.string().min(1), draft: z.unknown().optional(), locale: z.enum(['en', 'ru']).optional() }),
      handle: async ({ body, user }) => ({ status: 201, body: await preview.start({ flowId: body.flowId, draft: body.draft, ...(body.locale ? { locale: body.locale } : {}), userId: user?.id ?? '' }) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/preview/sessions/:id/messages',
      access,
      summary: "Send a customer message; returns the bot's replies, the trace and the node it waits at.",
      tag: 'preview',
      body: MessageBody,
      handle: async ({ params, body, user }) => ({
        body: await preview.send({
          sessionId: params.id ?? '',
          userId: user?.id ?? '',
          content: 'text' in body ? { kind: 'text', text: body.text } : { kind: 'choice', id: body.choice.id, title: body.choice.title },
        }),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/preview/sessions/:id',
      access,
      summary: 'End a preview conversation.',
      tag: 'preview',
      body: noBody,
      async handle({ params, user }) {
        preview.end(params.id ?? '', user?.id ?? '');
        return { status: 204 };
      },
    }),
  ];
}
