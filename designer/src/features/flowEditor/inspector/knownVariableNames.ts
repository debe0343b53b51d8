import { BUILT_IN_VARIABLES, type Flow } from '@switchboard/engine/schema';

/**
 * The variable names a `{{…}}` placeholder can use in `flow`: built-ins, declared variables and
 * whatever a Question, Set or Action writes. Sorted, no duplicates.
 */
export function knownVariableNames(flow: Flow): string[] {
  const names = new Set(BUILT_IN_VARIABLES);
  for (const v of flow.variables) names.add(v.name);
  for (const node of flow.nodes) {
    if (node.type === 'ask') names.add(node.data.variable);
    if (node.type === 'set') for (const a of node.data.assignments) names.add(a.variable);
    if (node.type === 'action' && node.data.resultVariable) names.add(node.data.resultVariable);
  }
  return [...names].sort();
}

/**
 * The partial variable name being typed right before the caret, if the caret sits inside `{{…`.
 *
 * @example placeholderQuery('Hi {{prof', 9) // → 'prof'
 */
export function placeholderQuery(text: string, caret: number): string | null {
  const match = /\{\{\s*([A-Za-z0-9_.]*)$/.exec(text.slice(0, caret));
  return match ? (match[1] ?? '') : null;
}

/** Completes the placeholder before the caret with `name`, giving the new text and caret. */
export function completePlaceholder(args: { text: string; caret: number; name: string }): { text: string; caret: number } {
  const before = args.text.slice(0, args.caret).replace(/\{\{\s*[A-Za-z0-9_.]*$/, `{{${args.name}}}`);
  const after = args.text.slice(args.caret).replace(/^[A-Za-z0-9_.]*\s*\}\}/, '');
  return { text: before + after, caret: before.length };
}
