import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FLOW_ISSUE_CODES, parseFlow, type Flow, type RuleSchema, type FlowInput, type FlowIssue, type FlowIssueCode } from '../schema/index.js';
import { buildFlow, edge, helloFlow, node, type NodeSpec } from './testing/flowBuilder.js';
import { validateBot } from './validateBot.js';
import { validateFlow } from './validateFlow.js';
import type { ValidationContext } from './validationContext.js';

type RuleInput = z.input<typeof RuleSchema>;

const codes = (issues: readonly FlowIssue[]): FlowIssueCode[] => issues.map((i) => i.code);

/** Start → the given nodes; `first` is where Start leads. */
function fromStart(first: string, specs: NodeSpec[], edges: ReturnType<typeof edge>[], extra: Partial<FlowInput> = {}): Flow {
  return buildFlow({ ...extra, nodes: [node({ id: 's', type: 'start', data: {} }), ...specs.map(node)], edges: [edge('s', 'next', first), ...edges] });
}

const say = (id: string, text = 'Hi'): NodeSpec => ({ id, type: 'message', data: { text: { en: text } } });
const withButtons = (id: string, titles: string[], text = 'Pick one'): NodeSpec => ({
  id,
  type: 'message',
  data: { text: { en: text }, buttons: titles.map((title, i) => ({ id: `b${i}`, title: { en: title } })) },
});
const withList = (id: string, rows: { title?: string; description?: string }[], button = 'Choose'): NodeSpec => ({
  id,
  type: 'message',
  data: {
    text: { en: 'Pick one' },
    list: {
      button: { en: button },
      rows: rows.map((r, i) => ({ id: `r${i}`, title: { en: r.title ?? `Row ${i}` }, ...(r.description ? { description: { en: r.description } } : {}) })),
    },
  },
});
const withButtonsAndList = (id: string): NodeSpec => ({
  id,
  type: 'message',
  data: {
    text: { en: 'Pick one' },
    buttons: [{ id: 'b0', title: { en: 'Yes' } }],
    list: { button: { en: 'Choose' }, rows: [{ id: 'r0', title: { en: 'Row' } }] },
  },
});
const askFor = (id: string, pattern = '^ORD-?\\d+$'): NodeSpec => ({
  id,
  type: 'ask',
  data: { prompt: { en: 'Your order number?' }, variable: 'orderId', validator: { type: 'regex', pattern } },
});
const regexRule = (pattern: string): RuleInput => ({ id: 'r1', kind: 'regex', pattern });
const routeOn = (id: string, ...rules: RuleInput[]): NodeSpec => ({ id, type: 'route', data: { rules } });
const listEdges = (id: string, count: number): ReturnType<typeof edge>[] => Array.from({ length: count }, (_, i) => edge(id, `r${i}`, 'e'));
const buttonEdges = (id: string, count: number): ReturnType<typeof edge>[] => Array.from({ length: count }, (_, i) => edge(id, `b${i}`, 'e'));
const end: NodeSpec = { id: 'e', type: 'end', data: {} };
const examples = (n: number): string[] => Array.from({ length: n }, (_, i) => `when do you open ${i}`);

interface Case {
  code: FlowIssueCode;
  failing: () => FlowIssue[];
  passing: () => FlowIssue[];
}

const v = (flow: Flow, context: ValidationContext = {}) => () => validateFlow(flow, context);

const cases: Case[] = [
  {
    code: 'flow/invalid-document',
    failing: () => { const r = parseFlow({ schemaVersion: 1, id: 'x', name: 'X', locales: [], nodes: [], edges: [] }); return r.ok ? [] : r.issues; },
    passing: () => { const r = parseFlow(helloFlow()); return r.ok ? [] : r.issues; },
  },
  {
    code: 'flow/unsupported-version',
    failing: () => { const r = parseFlow({ ...helloFlow(), schemaVersion: 2 }); return r.ok ? [] : r.issues; },
    passing: () => { const r = parseFlow(helloFlow()); return r.ok ? [] : r.issues; },
  },
  {
    code: 'flow/missing-start',
    failing: v(buildFlow({ nodes: [node(say('m'))], edges: [] })),
    passing: v(helloFlow()),
  },
  {
    code: 'flow/multiple-start',
    failing: v(fromStart('m', [{ id: 's2', type: 'start', data: {} }, say('m')], [edge('s2', 'next', 'm', 'e2')])),
    passing: v(fromStart('m', [say('m')], [])),
  },
  {
    code: 'flow/duplicate-node-id',
    failing: v(fromStart('m', [say('m'), say('m')], [])),
    passing: v(fromStart('m', [say('m'), say('m2')], [edge('m', 'next', 'm2')])),
  },
  {
    code: 'flow/duplicate-edge-id',
    failing: v(fromStart('m', [say('m'), say('m2')], [edge('m', 'next', 'm2', 's.next->m')])),
    passing: v(fromStart('m', [say('m'), say('m2')], [edge('m', 'next', 'm2')])),
  },
  {
    code: 'flow/duplicate-handle-id',
    failing: v(fromStart('r', [routeOn('r', { ...regexRule('a'), id: 'x' }, { ...regexRule('b'), id: 'x' }), end], [edge('r', 'x', 'e'), edge('r', 'fallback', 'e')])),
    passing: v(fromStart('r', [routeOn('r', regexRule('a')), end], [edge('r', 'r1', 'e'), edge('r', 'fallback', 'e')])),
  },
  {
    code: 'flow/dangling-edge',
    failing: v(fromStart('m', [say('m')], [edge('m', 'next', 'ghost')])),
    passing: v(fromStart('m', [say('m'), end], [edge('m', 'next', 'e')])),
  },
  {
    code: 'flow/unknown-handle',
    failing: v(fromStart('m', [say('m'), end], [edge('m', 'yes', 'e')])),
    passing: v(fromStart('m', [say('m'), end], [edge('m', 'next', 'e')])),
  },
  {
    code: 'flow/handle-multiple-edges',
    failing: v(fromStart('m', [say('m'), say('m2'), end], [edge('m', 'next', 'e'), edge('m', 'next', 'm2')])),
    passing: v(fromStart('m', [say('m'), say('m2'), end], [edge('m', 'next', 'm2'), edge('m2', 'next', 'e')])),
  },
  {
    code: 'flow/edge-into-start',
    failing: v(fromStart('a', [askFor('a')], [edge('a', 'valid', 's')])),
    passing: v(fromStart('a', [askFor('a'), end], [edge('a', 'valid', 'e')])),
  },
  {
    code: 'flow/unconnected-handle',
    failing: v(fromStart('a', [askFor('a')], [])),
    passing: v(fromStart('a', [askFor('a'), end], [edge('a', 'valid', 'e')])),
  },
  {
    code: 'flow/unreachable-node',
    failing: v(fromStart('e', [end, say('orphan')], [])),
    passing: v(fromStart('m', [say('m'), end], [edge('m', 'next', 'e')])),
  },
  {
    code: 'flow/unknown-jump-target',
    failing: v(fromStart('j', [{ id: 'j', type: 'jump', data: { flowId: 'nowhere' } }], [])),
    passing: v(fromStart('j', [{ id: 'j', type: 'jump', data: { flowId: 'hello' } }], []), { flows: [helloFlow()] }),
  },
  {
    code: 'flow/unknown-action',
    failing: v(fromStart('x', [{ id: 'x', type: 'action', data: { action: 'lookupOrdr' } }, end], [edge('x', 'ok', 'e'), edge('x', 'notFound', 'e'), edge('x', 'error', 'e')]), { actions: ['lookupOrder'] }),
    passing: v(fromStart('x', [{ id: 'x', type: 'action', data: { action: 'lookupOrder' } }, end], [edge('x', 'ok', 'e'), edge('x', 'notFound', 'e'), edge('x', 'error', 'e')]), { actions: ['lookupOrder'] }),
  },
  {
    code: 'flow/unknown-variable',
    failing: v(fromStart('m', [say('m', 'Your order {{ordr.status}}')], [])),
    passing: v(fromStart('m', [say('m', 'Your order {{order.status}}')], [], { variables: [{ name: 'order', type: 'object' }] })),
  },
  {
    code: 'flow/unknown-intent',
    failing: v(fromStart('r', [routeOn('r', { id: 'r1', kind: 'intent', intent: 'faq.hourz' }), end], [edge('r', 'r1', 'e'), edge('r', 'fallback', 'e')])),
    passing: v(fromStart('r', [routeOn('r', { id: 'r1', kind: 'intent', intent: 'faq.hours' }), end], [edge('r', 'r1', 'e'), edge('r', 'fallback', 'e')]), { intents: ['faq.hours'] }),
  },
  {
    code: 'flow/too-many-buttons',
    failing: v(fromStart('m', [withButtons('m', ['A', 'B', 'C', 'D']), end], buttonEdges('m', 4))),
    passing: v(fromStart('m', [withButtons('m', ['A', 'B', 'C']), end], buttonEdges('m', 3))),
  },
  {
    code: 'flow/button-title-too-long',
    failing: v(fromStart('m', [withButtons('m', ['x'.repeat(21)]), end], buttonEdges('m', 1))),
    passing: v(fromStart('m', [withButtons('m', ['x'.repeat(20)]), end], buttonEdges('m', 1))),
  },
  {
    code: 'flow/buttons-and-list',
    failing: v(fromStart('m', [withButtonsAndList('m'), end], [...listEdges('m', 1), ...buttonEdges('m', 1)])),
    passing: v(fromStart('m', [withList('m', [{}]), end], listEdges('m', 1))),
  },
  {
    code: 'flow/too-many-list-rows',
    failing: v(fromStart('m', [withList('m', Array.from({ length: 11 }, () => ({}))), end], listEdges('m', 11))),
    passing: v(fromStart('m', [withList('m', Array.from({ length: 10 }, () => ({}))), end], listEdges('m', 10))),
  },
  {
    code: 'flow/list-row-title-too-long',
    failing: v(fromStart('m', [withList('m', [{ title: 'x'.repeat(25) }]), end], listEdges('m', 1))),
    passing: v(fromStart('m', [withList('m', [{ title: 'x'.repeat(24) }]), end], listEdges('m', 1))),
  },
  {
    code: 'flow/list-row-description-too-long',
    failing: v(fromStart('m', [withList('m', [{ description: 'x'.repeat(73) }]), end], listEdges('m', 1))),
    passing: v(fromStart('m', [withList('m', [{ description: 'x'.repeat(72) }]), end], listEdges('m', 1))),
  },
  {
    code: 'flow/list-button-too-long',
    failing: v(fromStart('m', [withList('m', [{}], 'x'.repeat(21)), end], listEdges('m', 1))),
    passing: v(fromStart('m', [withList('m', [{}], 'x'.repeat(20)), end], listEdges('m', 1))),
  },
  {
    code: 'flow/empty-list',
    failing: v(fromStart('m', [withList('m', [])], [])),
    passing: v(fromStart('m', [withList('m', [{}]), end], listEdges('m', 1))),
  },
  {
    code: 'flow/text-too-long',
    failing: v(fromStart('m', [withButtons('m', ['Yes'], 'x'.repeat(1025)), end], buttonEdges('m', 1))),
    passing: v(fromStart('m', [say('m', 'x'.repeat(4096))], [])),
  },
  {
    code: 'flow/invalid-regex',
    failing: v(fromStart('a', [askFor('a', '(ORD-\\d+'), end], [edge('a', 'valid', 'e')])),
    passing: v(fromStart('a', [askFor('a'), end], [edge('a', 'valid', 'e')])),
  },
  {
    code: 'flow/unsafe-regex',
    failing: v(fromStart('r', [routeOn('r', regexRule('^(a|aa)+$')), end], [edge('r', 'r1', 'e'), edge('r', 'fallback', 'e')])),
    passing: v(fromStart('r', [routeOn('r', regexRule('\\b(refund|return)\\b')), end], [edge('r', 'r1', 'e'), edge('r', 'fallback', 'e')])),
  },
  {
    code: 'flow/infinite-loop',
    failing: v(fromStart('t', [{ id: 't', type: 'tag', data: { add: ['x'] } }, say('m')], [edge('t', 'next', 'm'), edge('m', 'next', 't')])),
    passing: v(fromStart('t', [{ id: 't', type: 'tag', data: { add: ['x'] } }, askFor('m')], [edge('t', 'next', 'm'), edge('m', 'valid', 't')])),
  },
  {
    code: 'flow/missing-translation',
    failing: v(fromStart('m', [say('m')], [], { locales: ['en', 'ru'] })),
    passing: v(fromStart('m', [{ id: 'm', type: 'message', data: { text: { en: 'Hi', ru: 'Привет' } } }], [], { locales: ['en', 'ru'] })),
  },
  {
    code: 'flow/too-few-examples',
    failing: v(fromStart('m', [say('m')], [], { intents: [{ name: 'faq.hours', examples: { en: examples(2) } }] })),
    passing: v(fromStart('m', [say('m')], [], { intents: [{ name: 'faq.hours', examples: { en: examples(5) } }] })),
  },
  {
    code: 'flow/duplicate-flow-id',
    failing: () => validateBot([helloFlow('a'), helloFlow('a')]),
    passing: () => validateBot([helloFlow('a'), helloFlow('b')]),
  },
  {
    code: 'flow/empty-text',
    failing: v(fromStart('m', [say('m', '   ')], [])),
    passing: v(fromStart('m', [say('m', 'Hi')], [])),
  },
];

describe('validateFlow', () => {
  it('has a failing and a passing example for every issue code', () => {
    expect(cases.map((c) => c.code).sort()).toEqual([...FLOW_ISSUE_CODES].sort());
  });

  it.each(cases)('reports $code when the flow has that problem', ({ code, failing }) => {
    const issues = failing();
    expect(codes(issues)).toContain(code);
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(20);
      if (issue.code !== 'flow/invalid-document' && issue.code !== 'flow/unsupported-version') expect(issue.flowId).toBeTypeOf('string');
    }
  });

  it.each(cases)('does not report $code when the flow is fixed', ({ code, passing }) => {
    expect(codes(passing())).not.toContain(code);
  });

  it('finds nothing wrong in a small complete flow', () => {
    expect(validateFlow(helloFlow())).toEqual([]);
  });

  it('accepts a message without buttons that ends the conversation', () => {
    expect(validateFlow(fromStart('m', [say('m')], []))).toEqual([]);
  });

  it('points at the node, the edge and the path of an issue', () => {
    const issues = validateFlow(fromStart('m', [withButtons('m', ['Yes', 'x'.repeat(30)]), end], buttonEdges('m', 2)));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'flow/button-title-too-long', severity: 'error', nodeId: 'm', flowId: 'test', path: 'nodes.1.data.buttons.1.title.en' }),
    ]);
    const dangling = validateFlow(fromStart('m', [say('m')], [edge('m', 'next', 'ghost', 'e9')]));
    expect(dangling).toEqual([expect.objectContaining({ code: 'flow/dangling-edge', edgeId: 'e9', path: 'edges.1' })]);
  });

  it('makes a missing optional translation a warning and a missing required one an error', () => {
    const flow = fromStart('a', [{ id: 'a', type: 'ask', data: { prompt: { en: 'Email?' }, retryPrompt: { en: 'Again?' }, variable: 'email', validator: { type: 'email' } } }, end], [edge('a', 'valid', 'e')], { locales: ['en', 'ru'] });
    const found = validateFlow(flow).filter((i) => i.code === 'flow/missing-translation');
    expect(found.map((i) => [i.path, i.severity])).toEqual([
      ['nodes.1.data.prompt', 'error'],
      ['nodes.1.data.retryPrompt', 'warning'],
    ]);
  });

  it('allows a longer body on a message without buttons than on one with them', () => {
    expect(codes(validateFlow(fromStart('m', [say('m', 'x'.repeat(1025))], [])))).not.toContain('flow/text-too-long');
    expect(codes(validateFlow(fromStart('m', [say('m', 'x'.repeat(4097))], [])))).toContain('flow/text-too-long');
  });

  it('knows variables set by asks, sets and action results, by their first segment', () => {
    const flow = fromStart('a', [
      askFor('a'),
      { id: 'x', type: 'action', data: { action: 'lookupOrder', input: { id: '{{orderId}}' }, resultVariable: 'order' } },
      { id: 'set', type: 'set', data: { assignments: [{ variable: 'greeting', value: 'Hi {{profile.name}} at {{business.name}}' }] } },
      say('m', '{{greeting}}: {{order.status.label}} ({{locale}})'),
    ], [edge('a', 'valid', 'x'), edge('x', 'ok', 'set'), edge('x', 'notFound', 'set'), edge('x', 'error', 'set'), edge('set', 'next', 'm')]);
    expect(validateFlow(flow)).toEqual([]);
  });

  it('reports unknown variables in set values and route variable rules, and placeholders that are not names', () => {
    const flow = fromStart('set', [
      { id: 'set', type: 'set', data: { assignments: [{ variable: 'x', value: '{{nope}}' }] } },
      routeOn('r', { id: 'r1', kind: 'variable', variable: 'missing', op: 'exists' }),
      say('m', '{{ not a name }} and {{profile.email}}'),
    ], [edge('set', 'next', 'r'), edge('r', 'r1', 'm'), edge('r', 'fallback', 'm')]);
    const unknown = validateFlow(flow).filter((i) => i.code === 'flow/unknown-variable');
    expect(unknown.map((i) => i.path)).toEqual(['nodes.1.data.assignments.0.value', 'nodes.2.data.rules.0.variable', 'nodes.3.data.text.en', 'nodes.3.data.text.en']);
  });

  it('resolves jumps to nodes of this flow and of other flows given as a list or a map', () => {
    const target = helloFlow('other');
    const flow = fromStart('j', [{ id: 'j', type: 'jump', data: { flowId: 'other', nodeId: 'm' } }], []);
    expect(validateFlow(flow, { flows: [target] })).toEqual([]);
    expect(validateFlow(flow, { flows: new Map([['other', target]]) })).toEqual([]);
    const wrongNode = fromStart('j', [{ id: 'j', type: 'jump', data: { flowId: 'other', nodeId: 'zzz' } }], []);
    expect(codes(validateFlow(wrongNode, { flows: [target] }))).toEqual(['flow/unknown-jump-target']);
    const local = fromStart('m', [say('m'), { id: 'j', type: 'jump', data: { nodeId: 'nope' } }], [edge('m', 'next', 'j')]);
    expect(codes(validateFlow(local))).toEqual(['flow/unknown-jump-target']);
  });

  it('treats a jump back within the flow as part of a loop', () => {
    const flow = fromStart('m', [say('m'), { id: 'j', type: 'jump', data: { nodeId: 'm' } }], [edge('m', 'next', 'j')]);
    expect(codes(validateFlow(flow))).toEqual(['flow/infinite-loop']);
    const waiting = fromStart('w', [{ id: 'w', type: 'wait', data: { minutes: 5 } }, { id: 'j', type: 'jump', data: { nodeId: 'w' } }], [edge('w', 'reply', 'j')]);
    expect(codes(validateFlow(waiting))).toEqual([]);
  });

  it('does not count a message with buttons as a loop without waiting', () => {
    const flow = fromStart('m', [withButtons('m', ['Again']), { id: 't', type: 'tag', data: { add: ['again'] } }], [edge('m', 'b0', 't'), edge('t', 'next', 'm')]);
    expect(codes(validateFlow(flow))).toEqual([]);
  });

  it('skips the action check when no action list is given', () => {
    const flow = fromStart('x', [{ id: 'x', type: 'action', data: { action: 'anything' } }, end], [edge('x', 'ok', 'e'), edge('x', 'notFound', 'e'), edge('x', 'error', 'e')]);
    expect(validateFlow(flow)).toEqual([]);
  });

  it('warns when an action has no path for a failed lookup', () => {
    const flow = fromStart('x', [{ id: 'x', type: 'action', data: { action: 'lookupOrder' } }, end], [edge('x', 'ok', 'e')]);
    expect(validateFlow(flow).map((i) => [i.code, i.severity])).toEqual([
      ['flow/unconnected-handle', 'warning'],
      ['flow/unconnected-handle', 'warning'],
    ]);
  });

  it('checks intents in triggers against the flow and the context, with a custom example minimum', () => {
    const flow = fromStart('m', [say('m')], [], { triggers: { intents: ['order.status'] }, intents: [{ name: 'faq', examples: { en: examples(2) } }] });
    expect(codes(validateFlow(flow))).toEqual(['flow/too-few-examples', 'flow/unknown-intent']);
    expect(codes(validateFlow(flow, { intents: ['order.status'], minExamplesPerIntent: 2 }))).toEqual([]);
  });
});

describe('validateBot', () => {
  it('lets a flow use an intent another flow declares, and rejects one no flow declares', () => {
    const declares = fromStart('m', [say('m')], [], { id: 'faq', intents: [{ name: 'faq.hours', examples: { en: examples(5) } }] });
    const uses = fromStart('m', [say('m')], [], { id: 'main', triggers: { intents: ['faq.hours'] } });
    expect(validateBot([declares, uses])).toEqual([]);
    const typo = fromStart('m', [say('m')], [], { id: 'main', triggers: { intents: ['faq.hourz'] } });
    expect(validateBot([declares, typo])).toEqual([expect.objectContaining({ code: 'flow/unknown-intent', flowId: 'main' })]);
  });

  it('counts a node another flow jumps to as reachable', () => {
    const target = fromStart('m', [say('m'), say('side')], [], { id: 'target' });
    const caller = fromStart('j', [{ id: 'j', type: 'jump', data: { flowId: 'target', nodeId: 'side' } }], [], { id: 'caller' });
    expect(validateBot([target, caller])).toEqual([]);
    expect(codes(validateFlow(target))).toEqual(['flow/unreachable-node']);
  });
});
