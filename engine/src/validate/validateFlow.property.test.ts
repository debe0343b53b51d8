import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FlowSchema, type FlowNodeSchema } from '../schema/index.js';
import { validateBot } from './validateBot.js';
import { validateFlow } from './validateFlow.js';

type NodeInput = z.input<typeof FlowNodeSchema>;

const ids = fc.constantFrom('s', 'a', 'b', 'c', 'd', 'e', 'f', 'g');
const handles = fc.constantFrom('next', 'valid', 'invalid', 'ok', 'notFound', 'error', 'fallback', 'reply', 'timeout', 'other', 'x', 'y', 'zz');
const locales = fc.constantFrom('en', 'ru', 'de');
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('{{profile.name}}', '{{x}}', '{{ a b }}', '{{', 'x'.repeat(1100), ''));
const localized = fc.dictionary(locales, text, { maxKeys: 3 });
const pattern = fc.oneof(fc.string({ minLength: 1, maxLength: 16 }), fc.constantFrom('(a+)+$', '^(a|aa)+$', '(', '\\b(x|y)\\b', '[', '(?<=a)b', '\\1(a)'));
const variable = fc.constantFrom('x', 'order', 'order.status', 'profile.name', 'y_1');
const position = fc.record({ x: fc.integer(), y: fc.integer() });
const rule = fc.oneof(
  fc.record({ id: handles, kind: fc.constant('keyword' as const), keywords: fc.dictionary(locales, fc.array(fc.string(), { maxLength: 3 }), { maxKeys: 2 }) }),
  fc.record({ id: handles, kind: fc.constant('intent' as const), intent: fc.constantFrom('faq', 'order.status') }),
  fc.record({ id: handles, kind: fc.constant('regex' as const), pattern }),
  fc.record({ id: handles, kind: fc.constant('variable' as const), variable, op: fc.constantFrom('eq' as const, 'exists' as const), value: fc.option(text, { nil: undefined }) }),
);

const nodeArb: fc.Arbitrary<NodeInput> = fc.oneof(
  fc.record({ id: ids, type: fc.constant('start' as const), position, data: fc.constant({}) }),
  fc.record({
    id: ids,
    type: fc.constant('message' as const),
    position,
    data: fc.record(
      {
        text: localized,
        buttons: fc.array(fc.record({ id: handles, title: localized }), { maxLength: 5 }),
        list: fc.record({ button: localized, rows: fc.array(fc.record({ id: handles, title: localized, description: localized }), { maxLength: 12 }) }),
      },
      { requiredKeys: ['text'] },
    ),
  }),
  fc.record({
    id: ids,
    type: fc.constant('ask' as const),
    position,
    data: fc.record({ prompt: localized, variable, validator: fc.oneof(fc.constant({ type: 'email' as const }), fc.record({ type: fc.constant('regex' as const), pattern })) }),
  }),
  fc.record({ id: ids, type: fc.constant('route' as const), position, data: fc.record({ rules: fc.array(rule, { maxLength: 4 }) }) }),
  fc.record({ id: ids, type: fc.constant('action' as const), position, data: fc.record({ action: fc.constantFrom('lookupOrder', 'nope'), input: fc.dictionary(fc.string(), text, { maxKeys: 2 }) }) }),
  fc.record({ id: ids, type: fc.constant('set' as const), position, data: fc.record({ assignments: fc.array(fc.record({ variable, value: text }), { maxLength: 2 }) }) }),
  fc.record({ id: ids, type: fc.constant('tag' as const), position, data: fc.record({ add: fc.array(fc.constantFrom('vip', 'new'), { maxLength: 2 }) }) }),
  fc.record({ id: ids, type: fc.constant('handoff' as const), position, data: fc.record({ message: localized }, { requiredKeys: [] }) }),
  fc.record({ id: ids, type: fc.constant('jump' as const), position, data: fc.record({ flowId: fc.constantFrom('one', 'two', 'missing'), nodeId: ids }, { requiredKeys: [] }) }),
  fc.record({ id: ids, type: fc.constant('wait' as const), position, data: fc.record({ minutes: fc.integer({ min: 1, max: 100 }) }) }),
  fc.record({ id: ids, type: fc.constant('template' as const), position, data: fc.record({ name: fc.constant('order_update'), language: locales, parameters: fc.array(text, { maxLength: 2 }) }) }),
  fc.record({ id: ids, type: fc.constant('end' as const), position, data: fc.record({ message: localized }, { requiredKeys: [] }) }),
);

const edgeArb = fc.record({ id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'), source: ids, sourceHandle: handles, target: ids });

const flowArb = (id: string) =>
  fc.record({
    schemaVersion: fc.constant(1 as const),
    id: fc.constant(id),
    name: fc.constant('Random'),
    locales: fc.uniqueArray(locales, { minLength: 1, maxLength: 2 }),
    triggers: fc.record({ intents: fc.array(fc.constantFrom('faq', 'order.status', 'other'), { maxLength: 2 }) }),
    intents: fc.array(fc.record({ name: fc.constantFrom('faq', 'order.status'), examples: fc.dictionary(locales, fc.array(fc.string(), { maxLength: 6 }), { maxKeys: 2 }) }), { maxLength: 2 }),
    variables: fc.array(fc.record({ name: variable }), { maxLength: 2 }),
    nodes: fc.array(nodeArb, { maxLength: 12 }),
    edges: fc.array(edgeArb, { maxLength: 16 }),
  }).map((input) => FlowSchema.parse(input));

describe('validateFlow on random flows', () => {
  it('never throws and returns well-formed issues for any structurally valid flow', () => {
    fc.assert(
      fc.property(flowArb('one'), fc.option(fc.array(fc.constantFrom('lookupOrder', 'other')), { nil: undefined }), (flow, actions) => {
        const issues = validateFlow(flow, { actions });
        for (const issue of issues) {
          expect(issue.flowId).toBe('one');
          expect(['error', 'warning']).toContain(issue.severity);
          expect(issue.message).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when a bot of random flows is validated together', () => {
    fc.assert(
      fc.property(flowArb('one'), flowArb('two'), (one, two) => {
        expect(Array.isArray(validateBot([one, two, one]))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
