import { BotSettingsSchema, detectLocale, InboundContentSchema, interpolate, localize, parseSnapshot, textOf, type Bot, type HandoffReason } from '@switchboard/engine';
import type { TurnCommit, WorkItem } from '../store/types.js';

const DEFAULT_SETTINGS = BotSettingsSchema.parse({});
const BOT_ERROR: HandoffReason = 'bot-error';
/** Longest error message kept in the event (the log has the whole error). */
const MESSAGE_MAX = 160;

/**
 * The turn that gives up a piece of work (a customer message or a fired timer) whose turns kept
 * failing, so the conversation is not stuck behind it: it records a `bot.error` event, tells the
 * customer in their language (`messages.botError`) and hands the conversation to the bot's queue
 * with reason `bot-error`, and marks the message processed (or the timer fired). The snapshot is
 * kept as it was and no engine code runs, so whatever made the turns fail cannot fail this one.
 * When a person already owns the conversation the bot stays silent: only the event is recorded.
 *
 * @example botErrorTurn({ work, bot, attempts: 5, error, now }) // → a TurnCommit keyed `in:<messageId>`
 */
export function botErrorTurn(input: { work: WorkItem; bot: Bot | null; attempts: number; error: unknown; now: number }): TurnCommit {
  const { work, bot, now } = input;
  const { conversation } = work;
  const settings = bot?.settings ?? DEFAULT_SETTINGS;
  const snapshot = parseSnapshot(conversation.snapshot);
  const events: TurnCommit['events'] = [];
  let customerText: string | null = null;
  let botOwned: boolean;
  let turn: Pick<TurnCommit, 'turnKey' | 'processedInboundId' | 'firedTimerId'>;
  switch (work.kind) {
    case 'message': {
      const content = InboundContentSchema.safeParse(work.message.content);
      customerText = content.success ? textOf(content.data) : null;
      turn = { turnKey: `in:${work.message.id}`, processedInboundId: work.message.id };
      events.push({ type: 'message.in', at: work.message.at, flowId: null, nodeId: null, data: { kind: content.success ? content.data.kind : 'unknown', status: conversation.status } });
      // A closed conversation is reopened by the customer's message, so it is the bot's.
      botOwned = conversation.status === 'bot' || conversation.status === 'closed';
      break;
    }
    case 'timer':
      turn = { turnKey: `timer:${work.timer.timerId}`, firedTimerId: work.timer.timerId };
      botOwned = conversation.status === 'bot';
      break;
    default: {
      const unknown: never = work;
      throw new Error(`unhandled work ${JSON.stringify(unknown)}`);
    }
  }
  events.push({
    type: 'bot.error',
    at: now,
    flowId: snapshot?.flowId ?? null,
    nodeId: null,
    data: { work: work.kind, attempts: input.attempts, ...describeError(input.error, customerText) },
  });

  const commit: TurnCommit = {
    conversationId: conversation.id,
    ...turn,
    expectedVersion: conversation.version,
    snapshot: conversation.snapshot,
    outbound: [],
    events,
    scheduleTimers: [],
    cancelTimers: [],
    now,
  };
  if (!botOwned) return commit;

  // A conversation whose first message failed has no snapshot yet: its language is the message's.
  const locale =
    snapshot?.locale ?? (customerText && bot ? detectLocale(customerText, { localeHint: settings.defaultLocale, locales: bot.locales }).locale : settings.defaultLocale);
  const text = interpolate(localize(settings.messages.botError, locale, settings.defaultLocale), { ...(snapshot?.vars ?? {}), locale });
  const queue = settings.handoffQueue;
  // The handoff names no node: statistics place it where the conversation's flow run stood.
  events.push({ type: 'handoff', at: now, flowId: null, nodeId: null, data: { queue, reason: BOT_ERROR } });
  return {
    ...commit,
    patch: { status: 'queued', queue, handoffReason: BOT_ERROR, handoffAt: now, assigneeId: null },
    outbound: text ? [{ sender: 'bot', content: { kind: 'text', text }, flowId: null }] : [],
  };
}

/**
 * A short code and message for the event. The code is the error's own (`store/…`, `SQLITE_FULL`)
 * or its class name; the message is cut short, and the customer's words are taken out of it should
 * an error ever quote them (events are read by analysts; the log keeps the whole error).
 */
function describeError(error: unknown, customerText: string | null): { code: string; message: string } {
  if (!(error instanceof Error)) return { code: 'unknown', message: String(error).slice(0, MESSAGE_MAX) };
  const code = 'code' in error && typeof error.code === 'string' && error.code !== '' ? error.code : error.name;
  const quoted = customerText && customerText.trim().length >= 3 ? error.message.split(customerText).join('…') : error.message;
  return { code, message: (quoted.split('\n', 1)[0] ?? '').slice(0, MESSAGE_MAX) };
}
