import type { InboundContent } from '@switchboard/engine/schema';
import type { z } from 'zod';
import {
  MAPPED_MESSAGE_TYPES,
  WebhookBodySchema,
  WebhookChangeSchema,
  WebhookContactSchema,
  WebhookEntrySchema,
  WebhookErrorSchema,
  WebhookMessageBaseSchema,
  WebhookMessageContentSchema,
  WebhookStatusSchema,
  WebhookValueSchema,
  type WebhookContact,
  type WebhookError,
} from './webhookSchema.js';
import { toInboundContent } from './toInboundContent.js';

/** A customer's message, ready to be stored (keyed by `wamid`) and handed to the engine. */
export interface ParsedInbound {
  wamid: string;
  /** The customer's `wa_id` (or business-scoped user id for users known only by username). */
  from: string;
  /** Our business number the message was sent to; replies go out from it. */
  phoneNumberId: string;
  displayPhoneNumber?: string;
  profileName?: string;
  /** Epoch milliseconds. */
  timestamp: number;
  content: InboundContent;
  /** The message this one replies to (or, for a reaction, the message reacted to). */
  contextWamid?: string;
  /** WhatsApp's own `type` (`text`, `interactive`, `system`…), for logs and for filtering. */
  messageType: string;
}

export type ParsedStatusKind = 'sent' | 'delivered' | 'read' | 'failed';

/** A delivery report about a message we sent. Never a reason to reply. */
export interface ParsedStatus {
  wamid: string;
  status: ParsedStatusKind;
  /** Epoch milliseconds. */
  timestamp: number;
  recipientId: string;
  phoneNumberId: string;
  error?: { code: string; message: string };
}

export interface ParsedWebhook {
  /** In timestamp order (a batch may list a later message first). */
  messages: ParsedInbound[];
  /** In timestamp order. */
  statuses: ParsedStatus[];
  /** One line per item that could not be read, and per out-of-band error Meta reported. For logs. */
  problems: string[];
}

interface ValueContext {
  where: string;
  phoneNumberId: string;
  displayPhoneNumber: string | undefined;
  contacts: WebhookContact[];
}

/**
 * Reads a webhook POST body (already JSON-parsed) into messages and statuses. Tolerant by design:
 * unknown fields are ignored, every entry, change, message and status is read on its own, and an
 * item that cannot be read becomes a line in `problems` instead of costing the rest of the batch.
 * It never throws. Changes for other subscription fields (template updates and the like) are skipped.
 *
 * A message whose common fields are fine but whose type-specific part is unreadable, and any type we
 * do not map (`system`, `order`, `unsupported`, future types), becomes `{ kind: 'unsupported' }`.
 *
 * @example
 * parseWebhook(JSON.parse(rawBody.toString('utf8')))
 * // { messages: [{ wamid: 'wamid.…', from: '15550002222', content: { kind: 'text', text: 'Hi' }, … }],
 * //   statuses: [], problems: [] }
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const result: ParsedWebhook = { messages: [], statuses: [], problems: [] };
  const envelope = WebhookBodySchema.safeParse(body);
  if (!envelope.success) {
    result.problems.push(`body: not a WhatsApp Business Account webhook (${describe(envelope.error)})`);
    return result;
  }
  envelope.data.entry.forEach((rawEntry, e) => {
    const entry = WebhookEntrySchema.safeParse(rawEntry);
    if (!entry.success) {
      result.problems.push(`entry[${e}]: ${describe(entry.error)}`);
      return;
    }
    entry.data.changes.forEach((rawChange, c) => readChange(rawChange, `entry[${e}].changes[${c}]`, result));
  });
  // Array.prototype.sort is stable, so equal timestamps keep the payload's order.
  result.messages.sort((a, b) => a.timestamp - b.timestamp);
  result.statuses.sort((a, b) => a.timestamp - b.timestamp);
  return result;
}

function readChange(rawChange: unknown, where: string, result: ParsedWebhook): void {
  const change = WebhookChangeSchema.safeParse(rawChange);
  if (!change.success) {
    result.problems.push(`${where}: ${describe(change.error)}`);
    return;
  }
  if (change.data.field !== 'messages') return;
  const value = WebhookValueSchema.safeParse(change.data.value);
  if (!value.success) {
    result.problems.push(`${where}.value: ${describe(value.error)}`);
    return;
  }

  const contacts: WebhookContact[] = [];
  value.data.contacts?.forEach((raw, i) => {
    const contact = WebhookContactSchema.safeParse(raw);
    if (contact.success) contacts.push(contact.data);
    else result.problems.push(`${where}.value.contacts[${i}]: ${describe(contact.error)}`);
  });
  const context: ValueContext = {
    where: `${where}.value`,
    phoneNumberId: value.data.metadata.phone_number_id,
    displayPhoneNumber: value.data.metadata.display_phone_number,
    contacts,
  };
  value.data.messages?.forEach((raw, i) => readMessage(raw, i, context, result));
  value.data.statuses?.forEach((raw, i) => readStatus(raw, i, context, result));
  value.data.errors?.forEach((raw, i) => {
    const error = WebhookErrorSchema.safeParse(raw);
    const text = error.success
      ? `WhatsApp reported error ${String(error.data.code)}: ${errorMessage(error.data)}`
      : describe(error.error);
    result.problems.push(`${context.where}.errors[${i}]: ${text}`);
  });
}

function readMessage(raw: unknown, index: number, context: ValueContext, result: ParsedWebhook): void {
  const where = `${context.where}.messages[${index}]`;
  const base = WebhookMessageBaseSchema.safeParse(raw);
  if (!base.success) {
    result.problems.push(`${where}: ${describe(base.error)}`);
    return;
  }
  const message = base.data;
  const from = message.from ?? message.from_user_id;
  if (from === undefined) {
    result.problems.push(`${where} (${message.id}): neither \`from\` nor \`from_user_id\``);
    return;
  }

  let content: InboundContent = { kind: 'unsupported' };
  let reactedTo: string | undefined;
  if (MAPPED_MESSAGE_TYPES.has(message.type)) {
    const typed = WebhookMessageContentSchema.safeParse(raw);
    if (typed.success) {
      content = toInboundContent(typed.data);
      if (typed.data.type === 'reaction') reactedTo = typed.data.reaction.message_id;
    } else {
      const why = describe(typed.error);
      result.problems.push(`${where} (${message.id}): unreadable ${message.type}, kept as unsupported (${why})`);
    }
  }

  const profileName = findContact(context.contacts, message.from, message.from_user_id)?.profile?.name?.trim();
  const contextWamid = message.context?.id ?? reactedTo;
  result.messages.push({
    wamid: message.id,
    from,
    phoneNumberId: context.phoneNumberId,
    ...(context.displayPhoneNumber === undefined ? {} : { displayPhoneNumber: context.displayPhoneNumber }),
    ...(profileName === undefined || profileName === '' ? {} : { profileName }),
    timestamp: message.timestamp,
    content,
    ...(contextWamid === undefined ? {} : { contextWamid }),
    messageType: message.type,
  });
}

function readStatus(raw: unknown, index: number, context: ValueContext, result: ParsedWebhook): void {
  const where = `${context.where}.statuses[${index}]`;
  const parsed = WebhookStatusSchema.safeParse(raw);
  if (!parsed.success) {
    result.problems.push(`${where}: ${describe(parsed.error)}`);
    return;
  }
  const status = parsed.data;
  const recipientId = status.recipient_id ?? status.recipient_user_id;
  if (recipientId === undefined) {
    result.problems.push(`${where} (${status.id}): neither \`recipient_id\` nor \`recipient_user_id\``);
    return;
  }
  const firstError = status.errors?.[0];
  const error = firstError === undefined ? undefined : WebhookErrorSchema.safeParse(firstError);
  if (error !== undefined && !error.success) result.problems.push(`${where}.errors[0]: ${describe(error.error)}`);
  result.statuses.push({
    wamid: status.id,
    // A voice message being played implies it was read; statuses only ever move forward.
    status: status.status === 'played' ? 'read' : status.status,
    timestamp: status.timestamp,
    recipientId,
    phoneNumberId: context.phoneNumberId,
    ...(error?.success === true ? { error: { code: String(error.data.code), message: errorMessage(error.data) } } : {}),
  });
}

/**
 * Matches by `wa_id` (or business-scoped `user_id`), never by position: Meta lists contacts and
 * messages independently. A lone contact is taken as the sender when nothing matches, because a
 * number normalisation (BR/MX) can make `wa_id` and `from` differ.
 */
function findContact(
  contacts: WebhookContact[],
  from: string | undefined,
  fromUserId: string | undefined,
): WebhookContact | undefined {
  const match = contacts.find(
    (c) => (from !== undefined && c.wa_id === from) || (fromUserId !== undefined && c.user_id === fromUserId),
  );
  return match ?? (contacts.length === 1 ? contacts[0] : undefined);
}

/** "Title: details", the most useful pair for an operator; falls back to whatever text there is. */
function errorMessage(error: WebhookError): string {
  const headline = error.title ?? error.message;
  const details = error.error_data?.details;
  const parts = [headline, details].filter((part): part is string => part !== undefined && part.trim() !== '');
  const unique = parts.filter((part, i) => parts.indexOf(part) === i);
  return unique.length > 0 ? unique.join(': ') : 'Unknown error';
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ');
}
