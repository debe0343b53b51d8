import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';
import { knownVariables } from './knownVariables.js';
import { nodeTemplates } from './nodeTemplates.js';
import { isVariablePath, placeholders } from './placeholders.js';

/**
 * Every `{{variable}}` placeholder and every variable a route rule tests is declared, written
 * somewhere in the flow, or built in. One issue per node and name.
 */
export const checkVariables: FlowCheck = ({ flow, report }) => {
  const isKnown = knownVariables(flow);
  flow.nodes.forEach((node, i) => {
    const reported = new Set<string>();
    const check = (name: string, path: string): void => {
      if (reported.has(name)) return;
      if (isVariablePath(name) && isKnown(name)) return;
      reported.add(name);
      const message = isVariablePath(name)
        ? `${describeNode(node)} uses the variable "${name}", which nothing in this flow sets. Declare it under Variables, set it earlier (Ask, Set or an Action's result), or fix the spelling.`
        : `${describeNode(node)} has the placeholder "{{${name}}}", which is not a variable name. Write it as {{name}} or {{name.field}}.`;
      report({ code: 'flow/unknown-variable', severity: 'error', nodeId: node.id, path: `nodes.${i}.${path}`, message });
    };
    if (node.type === 'route') {
      node.data.rules.forEach((rule, r) => {
        if (rule.kind === 'variable') check(rule.variable, `data.rules.${r}.variable`);
      });
    }
    for (const { text, path } of nodeTemplates(node)) {
      for (const name of placeholders(text)) check(name, path);
    }
  });
};
