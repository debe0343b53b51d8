import { describe, expect, it } from 'vitest';
import { faqMenuTemplate } from '../../flows/templates/faqMenuTemplate';
import { applyTemplate } from './applyTemplate';
import { fixtureFlow } from './fixtureFlow';

describe('applyTemplate', () => {
  it('takes the template content and keeps the flow identity when an empty flow starts from a template', () => {
    const flow = { ...fixtureFlow(), nodes: fixtureFlow().nodes.slice(0, 1), edges: [] };
    const template = faqMenuTemplate({ id: 'other', name: 'Other' });
    const next = applyTemplate(flow, { template });
    expect(next).toMatchObject({ id: 'orders', name: 'Orders', nodes: template.nodes, edges: template.edges, triggers: template.triggers });
  });
});
