import { WHATSAPP_LIMITS, type OutboundMessage } from '@switchboard/engine/schema';
import { assertNever } from './assertNever.js';
import type { CloudInteractive, CloudMessageBody, CloudMessageContent, CloudRecipient } from './cloudMessageBody.js';
import type { SendFailure } from './sendResult.js';
import { truncateText } from './truncateText.js';


export interface ToCloudMessageInput {
  /** The customer: a `wa_id` / phone number (sent as `+digits`) or a business-scoped user id. */
  to: string;
  message: OutboundMessage;
  /** Quote this message (a wamid) in the reply. */
  replyTo?: string;
}

export type ToCloudMessageResult = { ok: true; body: CloudMessageBody } | SendFailure;

/**
 * Turns an engine message into a Cloud API send body that the API will accept. Limits are enforced
 * here, at the edge, because flows are written by people: over-long text is truncated with an
 * ellipsis, ids are cut to their maximum, button titles are made unique, and more than 3 buttons or
 * 10 rows keeps the first ones. A buttons or list message without any button or row is sent as text.
 * What cannot be repaired (blank required text, a missing URL or template name) is a permanent
 * failure value with code `whatsapp/invalid-message`, so the outbox can mark it failed.
 *
 * @example
 * toCloudMessage({ to: '15550002222', message: { kind: 'text', text: 'Hi' } })
 * // { ok: true, body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+15550002222',
 * //   type: 'text', text: { body: 'Hi', preview_url: false } } }
 */
export function toCloudMessage({ to, message, replyTo }: ToCloudMessageInput): ToCloudMessageResult {
  const recipient = toRecipient(to);
  if (recipient === undefined) return invalid('the recipient is blank');
  const content = toContent(message);
  if (typeof content === 'string') return invalid(content);
  return {
    ok: true,
    body: {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...recipient,
      ...(replyTo === undefined ? {} : { context: { message_id: replyTo } }),
      ...content,
    },
  };
}

/** The content part of the body, or why it cannot be sent. */
function toContent(message: OutboundMessage): CloudMessageContent | string {
  switch (message.kind) {
    case 'text':
      return textContent(message.text);
    case 'buttons':
      return buttonsContent(message);
    case 'list':
      return listContent(message);
    case 'media': {
      if (isBlank(message.url)) return `the ${message.mediaType} has no URL`;
      const link = message.url.trim();
      if (message.mediaType === 'audio') return { type: 'audio', audio: { link } };
      const text = nonBlank(message.caption);
      const caption = text === undefined ? {} : { caption: truncateText(text, WHATSAPP_LIMITS.caption) };
      if (message.mediaType === 'document') {
        const filename = fileNameOf(link);
        return { type: 'document', document: { link, ...caption, ...(filename === undefined ? {} : { filename }) } };
      }
      return message.mediaType === 'image'
        ? { type: 'image', image: { link, ...caption } }
        : { type: 'video', video: { link, ...caption } };
    }
    case 'template': {
      if (isBlank(message.name) || isBlank(message.language)) return 'the template has no name or language';
      if (message.parameters.some(isBlank)) return `template ${message.name} has a blank parameter`;
      const parameters = message.parameters.map((text) => ({ type: 'text' as const, text: templateParameter(text) }));
      return {
        type: 'template',
        template: {
          name: message.name.trim(),
          language: { code: message.language.trim() },
          // A template without variables must not carry an empty components list.
          ...(parameters.length > 0 ? { components: [{ type: 'body', parameters }] } : {}),
        },
      };
    }
    default:
      return assertNever(message);
  }
}

function textContent(text: string): CloudMessageContent | string {
  if (isBlank(text)) return 'the text is blank';
  const body = truncateText(text, WHATSAPP_LIMITS.textBody);
  // Only ask for a link preview when there is a link to preview.
  return { type: 'text', text: { body, preview_url: /https?:\/\/\S/i.test(body) } };
}

function buttonsContent(message: Extract<OutboundMessage, { kind: 'buttons' }>): CloudMessageContent | string {
  const buttons = distinctById(message.buttons).slice(0, WHATSAPP_LIMITS.buttons);
  if (buttons.length === 0) return textContent(message.text);
  if (isBlank(message.text)) return 'the buttons message has blank text';
  if (buttons.some((b) => isBlank(b.title) || b.id === '')) return 'a button has a blank title or id';
  const titles = uniqueTitles(buttons.map((b) => b.title.trim()), WHATSAPP_LIMITS.buttonTitle);
  const interactive: CloudInteractive = {
    type: 'button',
    ...(message.media === undefined || isBlank(message.media.url) ? {} : { header: mediaHeader(message.media) }),
    body: { text: truncateText(message.text, WHATSAPP_LIMITS.buttonsBody) },
    action: {
      buttons: buttons.map((b, i) => ({
        type: 'reply',
        reply: { id: b.id.slice(0, WHATSAPP_LIMITS.buttonId), title: titles[i] ?? '' },
      })),
    },
  };
  return { type: 'interactive', interactive };
}

function listContent(message: Extract<OutboundMessage, { kind: 'list' }>): CloudMessageContent | string {
  const rows = distinctById(message.rows).slice(0, WHATSAPP_LIMITS.listRows);
  if (rows.length === 0) return textContent(message.text);
  if (isBlank(message.text) || isBlank(message.button)) return 'the list message has blank text or a blank button label';
  if (rows.some((r) => isBlank(r.title) || r.id === '')) return 'a list row has a blank title or id';
  return {
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: truncateText(message.text, WHATSAPP_LIMITS.listBody) },
      action: {
        button: truncateText(message.button.trim(), WHATSAPP_LIMITS.listButton),
        // One untitled section: a section title is only required when there are several.
        sections: [
          {
            rows: rows.map((r) => {
              const description = nonBlank(r.description);
              return {
                id: r.id.slice(0, WHATSAPP_LIMITS.listRowId),
                title: truncateText(r.title.trim(), WHATSAPP_LIMITS.listRowTitle),
                ...(description === undefined
                  ? {}
                  : { description: truncateText(description, WHATSAPP_LIMITS.listRowDescription) }),
              };
            }),
          },
        ],
      },
    },
  };
}

type MediaHeader = NonNullable<Extract<CloudInteractive, { type: 'button' }>['header']>;

function mediaHeader(media: { kind: 'image' | 'video' | 'document'; url: string }): MediaHeader {
  const link = media.url.trim();
  switch (media.kind) {
    case 'image':
      return { type: 'image', image: { link } };
    case 'video':
      return { type: 'video', video: { link } };
    case 'document':
      return { type: 'document', document: { link } };
    default:
      return assertNever(media.kind);
  }
}

/**
 * A phone number goes out as `+` and its digits: without the `+`, Meta assumes our own country code.
 * Anything else is a business-scoped user id (`US.1349…`), which the API takes as `recipient`.
 */
function toRecipient(to: string): CloudRecipient | undefined {
  const trimmed = to.trim();
  if (trimmed === '') return undefined;
  if (/^\+?[\d\s\-()]+$/.test(trimmed)) return { to: `+${trimmed.replace(/\D/g, '')}` };
  return { recipient: trimmed };
}

/** Reply button titles must be unique within a message; truncation can make two collide. */
function uniqueTitles(titles: string[], max: number): string[] {
  const seen = new Set<string>();
  return titles.map((title) => {
    let candidate = truncateText(title, max);
    for (let n = 2; seen.has(candidate); n += 1) candidate = truncateText(title, max - ` ${n}`.length) + ` ${n}`;
    seen.add(candidate);
    return candidate;
  });
}

/** The API rejects repeated button or row ids; the first occurrence wins. */
function distinctById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/**
 * Template parameters may not contain newlines or tabs, nor more than four consecutive spaces
 * (Graph error 132018), so they are flattened to single spaces.
 */
function templateParameter(text: string): string {
  return text.replace(/\s*[\n\r\t]+\s*/g, ' ').replace(/ {5,}/g, ' ').trim();
}

/** A readable name for a document, from the last path segment of its URL. */
function fileNameOf(link: string): string | undefined {
  try {
    const segment = new URL(link).pathname.split('/').pop() ?? '';
    const name = decodeURIComponent(segment).trim();
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

function isBlank(text: string | undefined): boolean {
  return nonBlank(text) === undefined;
}

/** The trimmed text, or undefined when there is none worth sending. */
function nonBlank(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function invalid(message: string): SendFailure {
  return { ok: false, retryable: false, code: 'whatsapp/invalid-message', message };
}
