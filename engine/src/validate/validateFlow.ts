import type { Flow, FlowIssue } from '../schema/index.js';
import { checkActions } from './checkActions.js';
import { checkEdges } from './checkEdges.js';
import { checkIntents } from './checkIntents.js';
import { checkJumps } from './checkJumps.js';
import { checkLoops } from './checkLoops.js';
import { checkReachability } from './checkReachability.js';
import { checkRegexes } from './checkRegexes.js';
import { checkStructure } from './checkStructure.js';
import { checkTranslations } from './checkTranslations.js';
import { checkVariables } from './checkVariables.js';
import { checkWhatsAppLimits } from './checkWhatsAppLimits.js';
import type { FlowCheck } from './flowCheck.js';
import { createFlowIndex } from './flowIndex.js';
import { resolveContext, type ValidationContext } from './validationContext.js';

const CHECKS: readonly FlowCheck[] = [
  checkStructure,
  checkEdges,
  checkReachability,
  checkLoops,
  checkJumps,
  checkActions,
  checkVariables,
  checkWhatsAppLimits,
  checkTranslations,
  checkRegexes,
  checkIntents,
];

/**
 * Lists everything wrong with a parsed flow, errors and warnings, in a stable order. Pure and
 * linear in the flow's size, so the designer can run it on every edit.
 *
 * @example
 * validateFlow(flow, { actions: ['lookupOrder'] })
 * // → [{ code: 'flow/unconnected-handle', severity: 'error', nodeId: 'ask1', flowId: 'orders', … }]
 */
export function validateFlow(flow: Flow, context: ValidationContext = {}): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const input = {
    flow,
    index: createFlowIndex(flow),
    context: resolveContext(flow, context),
    report: (issue: Omit<FlowIssue, 'flowId'>) => issues.push({ ...issue, flowId: flow.id }),
  };
  for (const check of CHECKS) check(input);
  return issues;
}
