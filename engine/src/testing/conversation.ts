import type { Effect, Inbound, InboundContent, Json, OutboundMessage } from '../schema/index.js';
import type { Bot, ConversationSnapshot, StepResult } from '../runtime/types.js';
import { runTurnSync } from '../runtime/runTurn.js';

export type ActionHandler = (input: Record<string, Json>) => { status: 'ok' | 'notFound' | 'error'; data?: Json };

/**
 * Drives a conversation like a host would: steps each message, runs `callAction` effects through
 * the given handlers and feeds the results back, and records what the bot sent.
 */
export function createConversation(initialBot: Bot, options: { actions?: Record<string, ActionHandler>; start?: number; roundTrip?: boolean } = {}) {
  let bot = initialBot;
  let snapshot: ConversationSnapshot | null = null;
  let now = options.start ?? Date.parse('2026-11-24T10:00:00Z');
  let seq = 0;
  const log: StepResult[] = [];

  function run(inbound: Inbound): Effect[] {
    const result = runTurnSync({
      bot,
      snapshot,
      inbound,
      now,
      profile: { name: 'Ann', phone: '447700900123' },
      onStep: (stepped) => log.push(stepped),
      ...(options.roundTrip ? { persist: (s: ConversationSnapshot) => JSON.parse(JSON.stringify(s)) as ConversationSnapshot } : {}),
      runAction: (call) => options.actions?.[call.action]?.(call.input) ?? { status: 'error' },
    });
    snapshot = result.snapshot;
    return result.effects;
  }

  return {
    send(content: InboundContent | string): Effect[] {
      seq += 1;
      const c: InboundContent = typeof content === 'string' ? { kind: 'text', text: content } : content;
      return run({ type: 'message', id: `wamid.${seq}`, content: c });
    },
    press(id: string, title = id): Effect[] {
      return this.send({ kind: 'choice', id, title });
    },
    fire(timerId: string): Effect[] {
      return run({ type: 'timer', timerId });
    },
    inject(inbound: Inbound): Effect[] {
      return run(inbound);
    },
    /** Goes on under another compiled bot, as after a publish (the snapshot is kept as stored). */
    republish(next: Bot): void {
      bot = next;
      if (snapshot) snapshot = JSON.parse(JSON.stringify(snapshot)) as ConversationSnapshot;
    },
    advance(ms: number): void {
      now += ms;
    },
    get snapshot() {
      return snapshot;
    },
    get now() {
      return now;
    },
    log,
  };
}

/** The texts of the messages among effects (button/list bodies included). */
export function texts(effects: Effect[]): string[] {
  return effects.flatMap((e) => (e.type === 'send' ? [messageText(e.message)] : []));
}

export function messageText(message: OutboundMessage): string {
  switch (message.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return message.text;
    case 'media':
      return message.caption ?? '';
    case 'template':
      return `template:${message.name}`;
    default: {
      const unknown: never = message;
      throw new Error(`unhandled message ${JSON.stringify(unknown)}`);
    }
  }
}

export function sent(effects: Effect[]): OutboundMessage[] {
  return effects.flatMap((e) => (e.type === 'send' ? [e.message] : []));
}
