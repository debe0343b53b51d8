import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileBot } from '../compile/compileBot.js';
import type { Inbound, InboundContent } from '../schema/index.js';
import { step } from './step.js';
import type { ConversationSnapshot } from './types.js';
import { flow, t } from '../testing/flowBuilder.js';

const NODE_KINDS = ['message', 'buttons', 'ask', 'route', 'set', 'tag', 'wait', 'action', 'end', 'handoff'] as const;

/** A random but well-formed flow: a chain of random nodes whose every handle points somewhere later or ends. */
const randomFlow = fc.array(fc.constantFrom(...NODE_KINDS), { minLength: 1, maxLength: 12 }).map((kinds) => {
  const b = flow('random', { variables: [{ name: 'v', type: 'string' }] }).node('s', 'start', {});
  const ids = kinds.map((_, i) => `n${i}`);
  const next = (i: number) => ids[i + 1] ?? 'last';
  b.edge('s', 'next', 'n0');
  kinds.forEach((kind, i) => {
    const id = `n${i}`;
    const to = next(i);
    switch (kind) {
      case 'message':
        b.node(id, 'message', { text: t(`m${i} {{v}}`, `м${i}`) });
        if (to) b.edge(id, 'next', to);
        break;
      case 'buttons':
        b.node(id, 'message', { text: t('pick', 'выбор'), buttons: [{ id: 'a', title: t('Alpha', 'Альфа') }, { id: 'b', title: t('Beta', 'Бета') }] });
        if (to) b.edge(id, 'a', to).edge(id, 'b', to);
        break;
      case 'ask':
        b.node(id, 'ask', { prompt: t('number?', 'число?'), variable: 'v', validator: { type: 'number' }, maxAttempts: 2 });
        if (to) b.edge(id, 'valid', to);
        break;
      case 'route':
        b.node(id, 'route', { rules: [{ id: 'r', kind: 'keyword', keywords: { en: ['yes'], ru: ['да'] } }, { id: 'x', kind: 'regex', pattern: '^\\d+$' }] });
        if (to) b.edge(id, 'r', to).edge(id, 'x', to).edge(id, 'fallback', to);
        break;
      case 'set':
        b.node(id, 'set', { assignments: [{ variable: 'v', value: 'set{{v}}' }] });
        if (to) b.edge(id, 'next', to);
        break;
      case 'tag':
        b.node(id, 'tag', { add: ['L'], remove: [] });
        if (to) b.edge(id, 'next', to);
        break;
      case 'wait':
        b.node(id, 'wait', { minutes: 5 });
        if (to) b.edge(id, 'reply', to).edge(id, 'timeout', to);
        break;
      case 'action':
        b.node(id, 'action', { action: 'lookup', input: { q: '{{v}}' }, resultVariable: 'res' });
        if (to) b.edge(id, 'ok', to);
        break;
      case 'end':
        b.node(id, 'end', { message: t('bye', 'пока') });
        break;
      case 'handoff':
        b.node(id, 'handoff', { queue: 'q' });
        break;
    }
  });
  b.node('last', 'end', {});
  return b.build();
});

const content: fc.Arbitrary<InboundContent> = fc.oneof(
  fc.string({ maxLength: 60 }).map((text) => ({ kind: 'text' as const, text })),
  fc.constantFrom('hi', 'yes', 'да', '42', 'operator', 'меню', 'Alpha', 'бета').map((text) => ({ kind: 'text' as const, text })),
  fc.constantFrom('a', 'b', 'zzz', 'sb:handoff', 'sb:menu').map((id) => ({ kind: 'choice' as const, id, title: id })),
  fc.constant({ kind: 'media' as const, mediaType: 'image' as const }),
  fc.constant({ kind: 'reaction' as const, emoji: '👍' }),
);

const event = fc.oneof(
  { weight: 6, arbitrary: content.map((c) => ({ kind: 'message' as const, content: c })) },
  { weight: 1, arbitrary: fc.constantFrom('ok', 'notFound', 'error').map((status) => ({ kind: 'result' as const, status })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'timer' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 * 60_000 }).map((ms) => ({ kind: 'sleep' as const, ms })) },
);

describe('step (property)', () => {
  it('never throws and always returns a JSON snapshot, for random flows and random inputs', () => {
    let compiledRuns = 0;
    fc.assert(
      fc.property(randomFlow, fc.array(event, { maxLength: 15 }), (doc, events) => {
        const compiled = compileBot({ flows: [doc], settings: { mainFlowId: 'random' }, actions: ['lookup'] });
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
        compiledRuns += 1;
        let snapshot: ConversationSnapshot | null = null;
        let now = 1_700_000_000_000;
        let lastRequest = 'none';
        let lastTimer = 'none';
        for (const [i, e] of events.entries()) {
          let inbound: Inbound;
          if (e.kind === 'sleep') {
            now += e.ms;
            continue;
          }
          if (e.kind === 'message') inbound = { type: 'message', id: `w${i}`, content: e.content };
          else if (e.kind === 'result') inbound = { type: 'actionResult', requestId: lastRequest, status: e.status, data: { x: 1 } };
          else inbound = { type: 'timer', timerId: lastTimer };
          const result = step({ bot: compiled.bot, snapshot, inbound, now });
          for (const effect of result.effects) {
            if (effect.type === 'callAction') lastRequest = effect.requestId;
            if (effect.type === 'scheduleTimer') lastTimer = effect.timerId;
          }
          const json: unknown = JSON.parse(JSON.stringify(result.snapshot));
          expect(json).toEqual(result.snapshot);
          snapshot = result.snapshot;
        }
      }),
      { numRuns: 300 },
    );
    expect(compiledRuns).toBe(300);
  });
});
