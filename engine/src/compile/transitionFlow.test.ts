import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { compileBot } from './compileBot.js';
import { DONE, IDLE, toStateKey } from './position.js';
import { resolveFlowState, transitionFlow } from './transitionFlow.js';
import type { FlowEvent, Turn } from './types.js';
import { flow, t } from '../testing/flowBuilder.js';

const doc = flow('f')
  .node('s', 'start', {})
  .node('set', 'set', { assignments: [{ variable: 'x', value: '1' }] })
  .node('m', 'message', { text: t('Hello {{x}}', 'Привет {{x}}') })
  .node('a', 'ask', { prompt: t('Name?', 'Имя?'), variable: 'name', validator: { type: 'text' } })
  .node('bye', 'end', { message: t('Bye {{name}}', 'Пока {{name}}') })
  .edge('s', 'next', 'set')
  .edge('set', 'next', 'm')
  .edge('m', 'next', 'a')
  .edge('a', 'valid', 'bye')
  .build();

function machineOf() {
  const result = compileBot({ flows: [doc], settings: { mainFlowId: 'f' } });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const compiled = result.bot.flows.get('f');
  if (!compiled) throw new Error('no flow');
  return compiled.machine;
}

const turn = (text: string | null): Turn => ({ now: 0, locale: 'en', misunderstood: 0, text, analysis: null });
const context = { vars: {}, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: 0, lastText: '' };
const params = (actions: ReadonlyArray<{ type: string; params?: unknown }>) => actions.map((a) => [a.type, a.params]);

describe('transitionFlow', () => {
  it('gives the same snapshot and actions as xstate transition()', () => {
    const machine = machineOf();
    const events: FlowEvent[] = [
      { type: 'begin', turn: turn('hi'), nodeId: null },
      { type: 'customer', turn: turn('Ann'), content: { kind: 'text', text: 'Ann' } },
    ];
    let ours = machine.resolveState({ value: IDLE, context });
    let theirs = machine.resolveState({ value: IDLE, context });
    for (const event of events) {
      const [nextOurs, actionsOurs] = transitionFlow(machine, ours, event);
      const [nextTheirs, actionsTheirs] = transition(machine, theirs, event);
      expect(nextOurs.value).toEqual(nextTheirs.value);
      expect(nextOurs.status).toEqual(nextTheirs.status);
      expect(nextOurs.context).toEqual(nextTheirs.context);
      expect(params(actionsOurs)).toEqual(params(actionsTheirs));
      ours = nextOurs;
      theirs = nextTheirs;
    }
    expect(ours.status).toBe('done');
  });

  it('keeps the actions of separate calls apart', () => {
    const machine = machineOf();
    const begin: FlowEvent = { type: 'begin', turn: turn('hi'), nodeId: null };
    const [, first] = transitionFlow(machine, machine.resolveState({ value: IDLE, context }), begin);
    const [, second] = transitionFlow(machine, machine.resolveState({ value: IDLE, context }), begin);
    expect(first.length).toBeGreaterThan(0);
    expect(params(second)).toEqual(params(first));
    expect(second).not.toBe(first);
  });

  it('restores a state like machine.resolveState, for every state of the machine', () => {
    const machine = machineOf();
    const values = [IDLE, DONE, ...doc.nodes.map((n) => toStateKey(n.id))];
    for (const value of values) {
      const ctx = { ...context, vars: { value }, lastText: value };
      const expected = machine.resolveState({ value, context: ctx });
      const actual = resolveFlowState(machine, value, ctx);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      expect(actual.value).toEqual(expected.value);
      expect(actual.status).toBe(expected.status);
      expect(actual.context).toBe(ctx);
      expect(actual._nodes).toEqual(expected._nodes);
      expect([...actual.tags]).toEqual([...expected.tags]);
      expect(actual.children).toEqual(expected.children);
      expect(actual.historyValue).toEqual(expected.historyValue);
      expect(actual.machine).toBe(expected.machine);
      // A second restore of the same value is a separate object with its own context.
      const again = resolveFlowState(machine, value, context);
      expect(again).not.toBe(actual);
      expect(again.context).toBe(context);
      expect(actual.context).toBe(ctx);
    }
  });
});
