import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';

/**
 * Intents the flow declares have enough examples in each of its locales to be recognised, and
 * every intent a trigger or route rule names is declared in this flow or bot-wide.
 */
export const checkIntents: FlowCheck = ({ flow, context, report }) => {
  const min = context.minExamplesPerIntent;
  flow.intents.forEach((intent, i) => {
    for (const locale of flow.locales) {
      const count = (intent.examples[locale] ?? []).filter((e) => e.trim() !== '').length;
      if (count >= min) continue;
      report({
        code: 'flow/too-few-examples',
        severity: 'warning',
        path: `intents.${i}.examples.${locale}`,
        message: `The intent "${intent.name}" has ${count} ${locale} example${count === 1 ? '' : 's'}; with fewer than ${min} it is often missed. Add phrasings customers really use.`,
      });
    }
  });

  const unknown = (name: string): string =>
    `The intent "${name}" is not declared in this flow nor anywhere else in the bot. Declare it with examples, or fix the name.`;
  flow.triggers.intents.forEach((name, i) => {
    if (context.intents.has(name)) return;
    report({ code: 'flow/unknown-intent', severity: 'error', path: `triggers.intents.${i}`, message: `Trigger: ${unknown(name)}` });
  });
  flow.nodes.forEach((node, i) => {
    if (node.type !== 'route') return;
    node.data.rules.forEach((rule, r) => {
      if (rule.kind !== 'intent' || context.intents.has(rule.intent)) return;
      report({
        code: 'flow/unknown-intent',
        severity: 'error',
        nodeId: node.id,
        path: `nodes.${i}.data.rules.${r}.intent`,
        message: `${describeNode(node)}: ${unknown(rule.intent)}`,
      });
    });
  });
};
