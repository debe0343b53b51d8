import type { InboundContent } from '@switchboard/engine/schema';
import { assertNever } from './assertNever.js';
import type { WebhookMessageContent } from './webhookSchema.js';

/**
 * Maps the type-specific part of a WhatsApp message to the engine's channel-neutral content.
 *
 * - Reply buttons, list rows and template quick-reply buttons all become `choice`; the `id` is the
 *   id (or template payload) we sent, which is what flows route on.
 * - A reaction whose emoji is missing or empty means the customer *removed* a reaction; it maps to
 *   `{ kind: 'reaction', emoji: '' }` so the history stays complete and flows can ignore it.
 *
 * @example toInboundContent({ type: 'text', text: { body: 'hi' } }) // { kind: 'text', text: 'hi' }
 */
export function toInboundContent(message: WebhookMessageContent): InboundContent {
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: message.text.body };
    case 'interactive': {
      const { interactive } = message;
      const reply =
        interactive.type === 'button_reply'
          ? interactive.button_reply
          : interactive.type === 'list_reply'
            ? interactive.list_reply
            : undefined;
      return reply === undefined ? { kind: 'unsupported' } : { kind: 'choice', id: reply.id, title: reply.title };
    }
    case 'button':
      // Without a payload in the template send, Meta echoes the label as the payload.
      return { kind: 'choice', id: message.button.payload ?? message.button.text, title: message.button.text };
    case 'image':
      return media('image', message.image.caption);
    case 'video':
      return media('video', message.video.caption);
    case 'document':
      return media('document', message.document.caption);
    case 'audio':
      // Voice notes are audio with `voice: true`; flows treat both alike.
      return { kind: 'media', mediaType: 'audio' };
    case 'sticker':
      return { kind: 'media', mediaType: 'sticker' };
    case 'location': {
      const { latitude, longitude, name, address } = message.location;
      return {
        kind: 'location',
        latitude,
        longitude,
        ...(name === undefined ? {} : { name }),
        ...(address === undefined ? {} : { address }),
      };
    }
    case 'contacts':
      return { kind: 'contacts', names: message.contacts.map((card) => contactName(card.name)).filter((n) => n !== '') };
    case 'reaction':
      return { kind: 'reaction', emoji: message.reaction.emoji ?? '' };
    default:
      return assertNever(message);
  }
}

function media(mediaType: 'image' | 'video' | 'document', caption: string | undefined): InboundContent {
  return { kind: 'media', mediaType, ...(caption === undefined ? {} : { caption }) };
}

function contactName(name: { formatted_name?: string; first_name?: string; last_name?: string } | undefined): string {
  if (name === undefined) return '';
  const formatted = name.formatted_name?.trim() ?? '';
  if (formatted !== '') return formatted;
  return [name.first_name, name.last_name].filter((part) => part !== undefined && part.trim() !== '').join(' ').trim();
}

