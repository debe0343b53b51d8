import type { Json, Rule } from '../schema/index.js';
import { readPath } from '../text/interpolate.js';
import { boundedRegex } from '../text/boundedRegex.js';
import { analysisOf, customerText, type Args, type Ctx } from './machineKit.js';

/** A route rule as a guard on the customer's latest words or the flow's variables. */
export function compileRule(c: Ctx, rule: Rule): (args: Args) => boolean {
  switch (rule.kind) {
    case 'keyword': {
      const matcher = c.nlu.compileKeywords(rule.keywords);
      return ({ event, context }) => {
        const analysis = analysisOf(c, event, context);
        return analysis !== null && matcher.match(analysis) !== null;
      };
    }
    case 'intent':
      return ({ event, context }) => {
        const best = analysisOf(c, event, context)?.intents[0];
        return best !== undefined && best.intent === rule.intent && best.confidence >= rule.minConfidence;
      };
    case 'regex': {
      const re = boundedRegex(rule.pattern, rule.flags);
      return ({ event, context }) => re.test(customerText(event, context));
    }
    case 'variable':
      return ({ context }) => compareVariable(readPath(context.vars, rule.variable), rule.op, rule.value);
    default: {
      const unknown: never = rule;
      throw new Error(`unhandled rule ${JSON.stringify(unknown)}`);
    }
  }
}

function compareVariable(actual: Json | undefined, op: Extract<Rule, { kind: 'variable' }>['op'], expected: string | number | boolean | undefined): boolean {
  const present = actual !== undefined && actual !== null && actual !== '';
  if (op === 'exists') return present;
  if (op === 'notExists') return !present;
  if (!present || expected === undefined) return false;
  const a = typeof actual === 'object' ? JSON.stringify(actual) : actual;
  const numeric = typeof expected === 'number' || (typeof a === 'number' && !Number.isNaN(Number(expected)));
  switch (op) {
    case 'eq':
      return numeric ? Number(a) === Number(expected) : String(a).toLowerCase() === String(expected).toLowerCase();
    case 'neq':
      return numeric ? Number(a) !== Number(expected) : String(a).toLowerCase() !== String(expected).toLowerCase();
    case 'gt':
      return Number(a) > Number(expected);
    case 'gte':
      return Number(a) >= Number(expected);
    case 'lt':
      return Number(a) < Number(expected);
    case 'lte':
      return Number(a) <= Number(expected);
    case 'contains':
      return String(a).toLowerCase().includes(String(expected).toLowerCase());
    default: {
      const unknown: never = op;
      throw new Error(`unhandled operator ${String(unknown)}`);
    }
  }
}
