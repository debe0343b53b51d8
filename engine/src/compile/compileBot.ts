import {
  BotSettingsSchema,
  hasErrors,
  parseFlow,
  type BotSettingsInput,
  type Flow,
  type FlowIssue,
} from '../schema/index.js';
import { validateBot } from '../validate/index.js';
import { restoreNlu, trainNlu } from '../nlu/index.js';
import type { NluModel } from '../nlu/types.js';
import type { Bot, CompiledFlow } from './types.js';
import { compileFlow } from './compileFlow.js';
import { fingerprintFlow } from './position.js';
import { compileBotRequests } from './botRequests.js';
import { entryQuestionOf } from './entryQuestion.js';
import { collectVocabulary } from './vocabulary.js';

export interface CompileBotInput {
  /** Flow documents in any known schema version (parsed and migrated here). */
  flows: readonly unknown[];
  settings?: BotSettingsInput;
  /** Backend action names the host can run; unknown names in `action` nodes are errors. */
  actions?: readonly string[];
  /** An id for this compiled version (the host's published version), stored in snapshots. */
  version?: string;
  /**
   * Each flow's published version, by flow id, recorded with every conversation's position; a flow
   * not named here is versioned by a fingerprint of its document.
   */
  flowVersions?: Readonly<Record<string, string>>;
  /** A model saved from an earlier `bot.nlu.toJSON()` of the same flows, to skip training. */
  nluModel?: unknown;
}

export type CompileBotResult = { ok: true; bot: Bot; issues: FlowIssue[] } | { ok: false; issues: FlowIssue[] };

/**
 * Validates every flow, trains the NLU on their intents, and compiles each flow into an xstate
 * machine, once. Problems come back as issues; it never throws on bad flows.
 *
 * @example
 * const result = compileBot({ flows: [menuFlow, ordersFlow], settings: { mainFlowId: 'menu' } });
 * if (result.ok) step({ bot: result.bot, snapshot: null, inbound, now: Date.now() });
 */
export function compileBot(input: CompileBotInput): CompileBotResult {
  const settingsResult = BotSettingsSchema.safeParse(input.settings ?? {});
  if (!settingsResult.success) {
    return {
      ok: false,
      issues: settingsResult.error.issues.map((i) => ({
        code: 'flow/invalid-document',
        severity: 'error',
        message: `settings.${i.path.map(String).join('.')}: ${i.message}`,
        path: `settings.${i.path.map(String).join('.')}`,
      })),
    };
  }
  const settings = settingsResult.data;
  const flows: Flow[] = [];
  const issues: FlowIssue[] = [];
  for (const doc of input.flows) {
    const parsed = parseFlow(doc);
    if (parsed.ok) flows.push(parsed.flow);
    else issues.push(...parsed.issues);
  }
  issues.push(...validateBot(flows, { ...(input.actions ? { actions: input.actions } : {}) }));
  const mainFlowId = settings.mainFlowId ?? null;
  if (mainFlowId && !flows.some((f) => f.id === mainFlowId)) {
    issues.push({ code: 'flow/unknown-jump-target', severity: 'error', message: `The main flow "${mainFlowId}" does not exist.`, path: 'settings.mainFlowId' });
  }
  if (hasErrors(issues)) return { ok: false, issues };

  const locales = [...new Set([settings.defaultLocale, ...flows.flatMap((f) => f.locales)])];
  let nlu: NluModel | null = null;
  if (input.nluModel !== undefined) {
    try {
      nlu = restoreNlu(input.nluModel);
    } catch {
      nlu = null; // a stale or foreign model: train afresh
    }
  }
  nlu ??= trainNlu({ locales, intents: flows.flatMap((f) => f.intents) });

  const compiled = new Map<string, CompiledFlow>();
  const intentFlows = new Map<string, string>();
  for (const flow of flows) {
    const hasKeywords = Object.values(flow.triggers.keywords).some((k) => k.length > 0);
    const parts = compileFlow({ flow, settings, nlu });
    compiled.set(flow.id, {
      flow,
      version: input.flowVersions?.[flow.id] ?? fingerprintFlow(flow),
      nodes: new Map(flow.nodes.map((node) => [node.id, node])),
      machine: parts.machine,
      answers: parts.answers,
      triggerKeywords: hasKeywords ? nlu.compileKeywords(flow.triggers.keywords) : null,
    });
    for (const intent of flow.triggers.intents) if (!intentFlows.has(intent)) intentFlows.set(intent, flow.id);
  }
  const bot: Bot = {
    version: input.version ?? 'draft',
    settings,
    flows: compiled,
    nlu,
    intentFlows,
    mainFlowId,
    locales,
    requests: compileBotRequests({ settings, nlu }),
    entryQuestions: flows.flatMap((flow) => entryQuestionOf(flow) ?? []),
    vocabulary: collectVocabulary(flows, settings),
  };
  return { ok: true, bot, issues };
}
