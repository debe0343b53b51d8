import { describe, expect, it } from 'vitest';
import { outputHandles, parseFlow, type FlowInput } from './index.js';

const minimal: FlowInput = {
  schemaVersion: 1,
  id: 'hello',
  name: 'Hello',
  locales: ['en'],
  nodes: [
    { id: 's', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'm', type: 'message', position: { x: 200, y: 0 }, data: { text: { en: 'Hi {{profile.name}}' } } },
  ],
  edges: [{ id: 'e1', source: 's', sourceHandle: 'next', target: 'm' }],
};

describe('parseFlow', () => {
  it('round-trips a flow through JSON unchanged when it is already in the latest version', () => {
    const first = parseFlow(minimal);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = parseFlow(JSON.parse(JSON.stringify(first.flow)));
    expect(again).toEqual(first);
  });

  it('strips editor-only fields React Flow adds (selected, measured) when it parses', () => {
    const withUi = { ...minimal, nodes: minimal.nodes.map((n) => ({ ...n, selected: true, measured: { width: 1, height: 2 } })) };
    const result = parseFlow(withUi);
    expect(result.ok && result.flow.nodes[0]).toEqual({ id: 's', type: 'start', position: { x: 0, y: 0 }, data: {} });
  });

  it('migrates an unversioned document: title becomes name and handle-less edges mean next', () => {
    const { schemaVersion: _v, name: _n, ...rest } = minimal;
    const old = { ...rest, title: 'Old hello', edges: [{ id: 'e1', source: 's', target: 'm' }] };
    const result = parseFlow(old);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flow.schemaVersion).toBe(1);
    expect(result.flow.name).toBe('Old hello');
    expect(result.flow.edges[0]?.sourceHandle).toBe('next');
  });

  it('refuses a document from a newer schema version with a clear code', () => {
    const result = parseFlow({ ...minimal, schemaVersion: 99 });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'flow/unsupported-version' }] });
  });

  it('reports structural errors with the node id and the path', () => {
    const broken = { ...minimal, nodes: [...minimal.nodes, { id: 'x', type: 'ask', position: { x: 0, y: 0 }, data: { prompt: { en: 'Number?' } } }] };
    const result = parseFlow(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: 'flow/invalid-document', nodeId: 'x', flowId: 'hello' });
    expect(result.issues.map((i) => i.path)).toContain('nodes.2.data.variable');
  });

  it('rejects unknown node types', () => {
    const result = parseFlow({ ...minimal, nodes: [{ id: 'q', type: 'teleport', position: { x: 0, y: 0 }, data: {} }] });
    expect(result.ok).toBe(false);
  });
});

describe('outputHandles', () => {
  it('gives a message with buttons one handle per button plus other', () => {
    const result = parseFlow({
      ...minimal,
      nodes: [
        ...minimal.nodes.slice(0, 1),
        { id: 'm', type: 'message', position: { x: 0, y: 0 }, data: { text: { en: 'Pick' }, buttons: [{ id: 'yes', title: { en: 'Yes' } }, { id: 'no', title: { en: 'No' } }] } },
      ],
    });
    if (!result.ok) throw new Error('expected a valid flow');
    const message = result.flow.nodes[1];
    if (!message) throw new Error('missing node');
    expect(outputHandles(message).map((h) => h.id)).toEqual(['yes', 'no', 'other']);
  });

  it('gives a route one handle per rule plus fallback', () => {
    const result = parseFlow({
      ...minimal,
      nodes: [{ id: 'r', type: 'route', position: { x: 0, y: 0 }, data: { rules: [{ id: 'r1', kind: 'keyword', keywords: { en: ['order'] } }, { id: 'r2', kind: 'intent', intent: 'faq.hours' }] } }],
      edges: [],
    });
    if (!result.ok) throw new Error('expected a valid flow');
    const route = result.flow.nodes[0];
    if (!route) throw new Error('missing node');
    expect(outputHandles(route).map((h) => h.id)).toEqual(['r1', 'r2', 'fallback']);
  });
});
