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
  // Effects follow from the nodes the trace visited, so their events are recorded after the trace's
  // (statistics replay events in order: a handoff or an end happens at the last node visited).
  const effectEvents: typeof events = [];
  const effectEvent = (type: string, flowId: string | null, nodeId: string | null, data: Json = {}) => effectEvents.push({ type, at: now, flowId, nodeId, data });
  const flowOfNode = new Map<string, string>();
  let lastNode: { flowId: string; nodeId: string } | null = null;
  for (const entry of input.trace) {
    if (entry.type === 'node') {
      flowOfNode.set(entry.nodeId, entry.flowId);
      lastNode = { flowId: entry.flowId, nodeId: entry.nodeId };
    }
  }

  for (const effect of input.effects) {
    switch (effect.type) {
      case 'send':
        outbound.push({ sender: 'bot', content: effect.message, flowId: (effect.nodeId === undefined ? undefined : flowOfNode.get(effect.nodeId)) ?? lastNode?.flowId ?? null });
        break;
      case 'handoff':
        Object.assign(patch, { status: 'queued', queue: effect.queue, handoffReason: effect.reason, handoffAt: now, assigneeId: null });
        effectEvent('handoff', lastNode?.flowId ?? null, lastNode?.nodeId ?? null, { queue: effect.queue, reason: effect.reason });
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
        effectEvent('action', null, null, { action: effect.action });
        break;
      case 'end':
        effectEvent('flow.end', effect.flowId, null);
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
      case 'republished':
        if (entry.outcome !== 'kept') event('flow.republished', entry.flowId, entry.nodeId, { outcome: entry.outcome, fromVersion: entry.fromVersion, toVersion: entry.toVersion });
        break;
      case 'locale':
        event('locale', null, null, { from: entry.from, to: entry.to, by: entry.by });
        break;
      case 'ignored':
        break;
      default: {
        const unknown: never = entry;
        throw new Error(`unhandled trace entry ${JSON.stringify(unknown)}`);
      }
    }
  }
  events.push(...effectEvents);
  return { patch, outbound, events, scheduleTimers, cancelTimers };
}
