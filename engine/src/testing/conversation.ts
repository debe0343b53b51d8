import type { Effect, Inbound, InboundContent, Json, OutboundMessage } from '../schema/index.js';
import type { Bot, ConversationSnapshot, StepResult } from '../runtime/types.js';
import { step } from '../runtime/step.js';

export type ActionHandler = (input: Record<string, Json>) => { status: 'ok' | 'notFound' | 'error'; data?: Json };

/**
 * Drives a conversation like a host would: steps each message, runs `callAction` effects through
 * the given handlers and feeds the results back, and records what the bot sent.
 */
export function createConversation(bot: Bot, options: { actions?: Record<string, ActionHandler>; start?: number; roundTrip?: boolean } = {}) {
  let snapshot: ConversationSnapshot | null = null;
  let now = options.start ?? Date.parse('2026-11-24T10:00:00Z');
  let seq = 0;
  const log: StepResult[] = [];

  function run(inbound: Inbound): Effect[] {
    const all: Effect[] = [];
    let next: Inbound | null = inbound;
    while (next) {
      const result: StepResult = step({ bot, snapshot, inbound: next, now, profile: { name: 'Ann', phone: '447700900123' } });
      log.push(result);
      snapshot = options.roundTrip ? (JSON.parse(JSON.stringify(result.snapshot)) as ConversationSnapshot) : result.snapshot;
      all.push(...result.effects);
      next = null;
      for (const effect of result.effects) {
        if (effect.type !== 'callAction') continue;
        const handler = options.actions?.[effect.action];
        const outcome = handler ? handler(effect.input) : { status: 'error' as const };
        next = { type: 'actionResult', requestId: effect.requestId, status: outcome.status, ...(outcome.data !== undefined ? { data: outcome.data } : {}) };
      }
    }
    return all;
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
