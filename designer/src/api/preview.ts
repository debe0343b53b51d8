import type { Flow } from '@switchboard/engine/schema';
import { request } from './http';
import { PreviewStartSchema, PreviewTurnSchema } from './schemas';

export const startPreview = (args: { flowId: string; draft: Flow; locale: string }) =>
  request('/api/preview/sessions', { method: 'POST', body: args, schema: PreviewStartSchema });

export type PreviewInput = { text: string } | { choice: { id: string; title: string } };

export const sendPreviewMessage = (args: { sessionId: string; input: PreviewInput }) =>
  request(`/api/preview/sessions/${encodeURIComponent(args.sessionId)}/messages`, {
    method: 'POST',
    body: args.input,
    schema: PreviewTurnSchema,
  });

export const endPreview = (sessionId: string): Promise<undefined> =>
  request(`/api/preview/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
