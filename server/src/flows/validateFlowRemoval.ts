import { parseFlow, validateBot, type Flow, type FlowIssue } from '@switchboard/engine';
import { readBotSettings } from '../bot/botSettings.js';
import type { Store } from '../store/types.js';

/**
 * What deleting a flow would break in the running bot: the errors that the other published flows
 * would have without it (a jump into it, an intent only it declares) and the main-flow setting
 * naming it. The bot is compiled from the published flows, so a flow they still need cannot go
 * without the bot failing to compile, and falling silent at the next start.
 *
 * @example await validateFlowRemoval({ store, flowId: 'order-tracking', actions }) // → [{ code: 'flow/unknown-jump-target', flowId: 'main-menu', nodeId: 'toOrder', … }]
 */
export async function validateFlowRemoval(input: { store: Store; flowId: string; actions: readonly string[] }): Promise<FlowIssue[]> {
  const [published, settings] = await Promise.all([input.store.publishedFlows(), readBotSettings(input.store)]);
  const flows = published.flatMap((version): Flow[] => {
    const parsed = parseFlow(version.doc);
    return parsed.ok ? [parsed.flow] : [];
  });
  const errorsOf = (list: readonly Flow[]) => validateBot(list, { actions: input.actions }).filter((i) => i.severity === 'error');
  const keyOf = (issue: FlowIssue) => JSON.stringify([issue.code, issue.flowId, issue.nodeId, issue.path]);
  // Only what the removal causes: an error the bot already had is not this flow's to answer for.
  const before = new Set(errorsOf(flows).map(keyOf));
  const issues = errorsOf(flows.filter((f) => f.id !== input.flowId)).filter((issue) => !before.has(keyOf(issue)));
  if (settings.mainFlowId === input.flowId) {
    issues.push({ code: 'flow/unknown-jump-target', severity: 'error', path: 'settings.mainFlowId', message: 'This is the bot\'s main flow. Choose another main flow in the bot settings first.' });
  }
  return issues;
}
