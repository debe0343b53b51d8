import { assertNever } from './assertNever.js';
import { checkRegexSafety } from './checkRegexSafety.js';
import { describeNode } from './describeNode.js';
import type { FlowCheck } from './flowCheck.js';

/** Regexes in Ask validators and route rules compile and cannot backtrack catastrophically. */
export const checkRegexes: FlowCheck = ({ flow, report }) => {
  flow.nodes.forEach((node, i) => {
    const found: { pattern: string; flags: string | undefined; path: string }[] = [];
    if (node.type === 'ask' && node.data.validator.type === 'regex') {
      found.push({ pattern: node.data.validator.pattern, flags: node.data.validator.flags, path: 'data.validator.pattern' });
    }
    if (node.type === 'route') {
      node.data.rules.forEach((rule, r) => {
        if (rule.kind === 'regex') found.push({ pattern: rule.pattern, flags: rule.flags, path: `data.rules.${r}.pattern` });
      });
    }
    for (const { pattern, flags, path } of found) {
      const verdict = checkRegexSafety(pattern, flags);
      const at = { nodeId: node.id, path: `nodes.${i}.${path}` };
      switch (verdict.kind) {
        case 'safe':
          break;
        case 'invalid':
          report({
            ...at,
            code: 'flow/invalid-regex',
            severity: 'error',
            message: `${describeNode(node)} has a regular expression that does not compile (${verdict.reason}). Fix /${pattern}/.`,
          });
          break;
        case 'unsafe':
          report({
            ...at,
            code: 'flow/unsafe-regex',
            severity: 'error',
            message: `${describeNode(node)} has a regular expression that can freeze on some messages: ${verdict.reason}. Rewrite /${pattern}/ so that no part can match the same text in two ways (e.g. (a+)+ → a+).`,
          });
          break;
        case 'unchecked':
          report({
            ...at,
            code: 'flow/unsafe-regex',
            severity: 'warning',
            message: `${describeNode(node)} has a regular expression too large to check for runaway matching (${verdict.reason}). Consider splitting /${pattern}/ into simpler rules.`,
          });
          break;
        default:
          return assertNever(verdict);
      }
    }
  });
};
