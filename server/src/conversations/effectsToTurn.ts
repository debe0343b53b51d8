import type { Effect, Json, TraceEntry } from '@switchboard/engine';
import type { AnalyticsEvent, Conversation, NewOutbound, TurnCommit } from '../store/types.js';

type TurnParts = Pick<TurnCommit, 'patch' | 'outbound' | 'events' | 'scheduleTimers' | 'cancelTimers'>;

/**
 * Turns what the engine decided into what the store writes: outbound messages, the conversation's
 * state and labels, timers, and analytics events (from effects and the trace).
 */
export function effectsToTurn(input: { conversation: Conversation; effects: Effect[]; trace: TraceEntry[]; now: number }): TurnParts {
  const { conversation, now } = input;
  const outbound: NewOutbound[] = [];
  const events: Omit<AnalyticsEvent, 'conversationId'>[] = [];
  const scheduleTimers: TurnCommit['scheduleTimers'] = [];
  const cancelTimers: string[] = [];
  const patch: NonNullable<TurnCommit['patch']> = {};
  let labels = conversation.labels;
  const event = (type: string, flowId: string | null, nodeId: string | null, data: Json = {}) => events.push({ type, at: now, flowId, nodeId, data });

  for (const effect of input.effects) {
    switch (effect.type) {
      case 'send':
        outbound.push({ sender: 'bot', content: effect.message });
        break;
      case 'handoff':
        Object.assign(patch, { status: 'queued', queue: effect.queue, handoffReason: effect.reason, handoffAt: now, assigneeId: null });
        event('handoff', null, null, { queue: effect.queue, reason: effect.reason });
        break;
      case 'setLabels':
        labels = [...new Set([...labels, ...effect.add])].filter((l) => !effect.remove.includes(l));
        patch.labels = labels;
        break;
      case 'scheduleTimer':
        scheduleTimers.push({ timerId: effect.timerId, fireAt: effect.at });
        break;
      case 'cancelTimer':
        cancelTimers.push(effect.timerId);
        break;
      case 'callAction':
        event('action', null, null, { action: effect.action });
        break;
      case 'end':
        event('flow.end', effect.flowId, null);
        break;
      default: {
        const unknown: never = effect;
        throw new Error(`unhandled effect ${JSON.stringify(unknown)}`);
      }
    }
  }
  let lastText: string | null = null;
  for (const entry of input.trace) {
    switch (entry.type) {
      case 'node':
        event('node.visit', entry.flowId, entry.nodeId, { nodeType: entry.nodeType });
        break;
      case 'nlu':
        lastText = entry.text;
        event('nlu', null, null, { locale: entry.locale, intent: entry.intent, confidence: entry.confidence, keyword: entry.keyword });
        break;
      case 'trigger':
        event('flow.start', entry.flowId, null, { by: entry.by });
        break;
      case 'interrupt':
        event('interrupt', null, null, { kind: entry.kind });
        break;
      case 'notUnderstood':
        event('nlu.miss', entry.flowId, entry.nodeId, { count: entry.count, text: lastText });
        break;
      case 'expired':
        event('session.expired', entry.flowId, null);
        break;
      case 'ignored':
        break;
      default: {
        const unknown: never = entry;
        throw new Error(`unhandled trace entry ${JSON.stringify(unknown)}`);
      }
    }
  }
  return { patch, outbound, events, scheduleTimers, cancelTimers };
}
