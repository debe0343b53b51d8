import { createHash } from 'node:crypto';
import { compileBot, type Bot, type BotSettingsInput, type FlowIssue } from '@switchboard/engine';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import { readBotSettings } from './botSettings.js';

export interface BotRegistry {
  /** The bot compiled from the published flows, or null before anything compiles. */
  current(): Bot | null;
  /** Recompiles from the store's published flows (after a publish or rollback). */
  reload(): Promise<{ ok: boolean; issues: FlowIssue[] }>;
  actionNames(): readonly string[];
}

/**
 * Holds the published bot. The NLU model trained for a published version is saved in the store
 * under `nlu:<version>`, so a restart (or a second process) restores it instead of training again.
 */
export function createBotRegistry(deps: { store: Store; logger: Logger; actionNames: readonly string[]; clock: () => number }): BotRegistry {
  let bot: Bot | null = null;
  return {
    current: () => bot,
    actionNames: () => deps.actionNames,
    async reload() {
      const [versions, settings] = await Promise.all([deps.store.publishedFlows(), readBotSettings(deps.store)]);
      const version = versionOf(versions.map((v) => `${v.flowId}@${v.version}`), settings);
      if (bot?.version === version) return { ok: true, issues: [] };
      const nluKey = `nlu:${version}`;
      const saved = await deps.store.getSetting(nluKey);
      const result = compileBot({
        flows: versions.map((v) => v.doc),
        settings,
        actions: deps.actionNames,
        version,
        flowVersions: Object.fromEntries(versions.map((v) => [v.flowId, String(v.version)])),
        ...(saved === null ? {} : { nluModel: saved }),
      });
      if (!result.ok) {
        deps.logger.error({ issues: result.issues.filter((i) => i.severity === 'error') }, 'published flows do not compile; keeping the previous bot');
        return { ok: false, issues: result.issues };
      }
      if (saved === null) await deps.store.putSetting(nluKey, JSON.parse(JSON.stringify(result.bot.nlu.toJSON())), deps.clock());
      bot = result.bot;
      deps.logger.info({ version, flows: versions.length }, 'bot compiled');
      return { ok: true, issues: result.issues };
    },
  };
}

function versionOf(flows: string[], settings: BotSettingsInput): string {
  return createHash('sha256').update(JSON.stringify([flows.sort(), settings])).digest('hex').slice(0, 16);
}
