import { parseFlow } from '@switchboard/engine/schema';
import { describe, expect, it } from 'vitest';
import { FLOW_TEMPLATES } from './flowTemplates';

describe('FLOW_TEMPLATES', () => {
  it.each(FLOW_TEMPLATES.map((t) => [t.key, t]))('builds a flow the schema accepts when %s is chosen', (_key, template) => {
    const flow = template.build({ id: 'new-flow', name: 'New flow' });
    expect(parseFlow(flow)).toEqual({ ok: true, flow });
    expect(flow.nodes.filter((n) => n.type === 'start')).toHaveLength(1);
  });
});
