import type { MarkAsReadBody } from './cloudMessageBody.js';

/**
 * The body that marks an inbound message as read (blue ticks), optionally showing "typing…" until we
 * reply or for at most 25 s. Neither extends the 24-hour window.
 *
 * @example markAsReadBody('wamid.X', { typing: true })
 * // { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X', typing_indicator: { type: 'text' } }
 */
export function markAsReadBody(wamid: string, options: { typing?: boolean } = {}): MarkAsReadBody {
  return {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: wamid,
    ...(options.typing === true ? { typing_indicator: { type: 'text' } } : {}),
  };
}
