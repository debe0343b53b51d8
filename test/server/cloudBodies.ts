import type { RecordedRequest } from '../../server/src/channels/whatsapp/testing/fakeCloudApi.js';

export interface SentMessage {
  to: string;
  type: string;
  text: string;
  buttons: string[];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** The messages the fake Cloud API received (mark-as-read calls left out), in arrival order. */
export function sentMessages(requests: readonly RecordedRequest[]): SentMessage[] {
  return requests
    .filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && field(r.body, 'status') === undefined)
    .map((r) => {
      const type = String(field(r.body, 'type'));
      const interactive = field(r.body, 'interactive');
      const text = type === 'text' ? field(field(r.body, 'text'), 'body') : field(field(interactive, 'body'), 'text');
      const rawButtons = field(field(interactive, 'action'), 'buttons');
      const buttons = Array.isArray(rawButtons) ? rawButtons.map((b) => String(field(field(b, 'reply'), 'title'))) : [];
      return { to: String(field(r.body, 'to')), type, text: typeof text === 'string' ? text : '', buttons };
    });
}
