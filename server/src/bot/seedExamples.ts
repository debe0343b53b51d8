import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BotSettingsSchema, parseFlow, type Json } from '@switchboard/engine';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import { BOT_SETTINGS_KEY } from './botSettings.js';

const SEEDED_KEY = 'examples.seeded';

/**
 * On the first start, loads `flows/*.flow.json` and `flows/settings.json`, and publishes each flow.
 * A file that does not parse is reported by name and skipped; the rest still load.
 */
export async function seedExamples(deps: { store: Store; logger: Logger; flowsDir: string; clock: () => number }): Promise<{ loaded: string[]; skipped: string[] }> {
  const { store, logger } = deps;
  if ((await store.getSetting(SEEDED_KEY)) !== null) return { loaded: [], skipped: [] };
  const loaded: string[] = [];
  const skipped: string[] = [];
  const files = (await readdir(deps.flowsDir).catch(() => [])).filter((f) => f.endsWith('.flow.json')).sort();
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(path.join(deps.flowsDir, file), 'utf8'));
    } catch (error) {
      logger.error({ file, err: error }, `example flow ${file} is not valid JSON; skipped`);
      skipped.push(file);
      continue;
    }
    const parsed = parseFlow(doc);
    if (!parsed.ok) {
      logger.error({ file, issues: parsed.issues }, `example flow ${file} does not match the flow schema; skipped`);
      skipped.push(file);
      continue;
    }
    const draft: Json = JSON.parse(JSON.stringify(parsed.flow));
    const now = deps.clock();
    const created = await store.createFlow({ id: parsed.flow.id, name: parsed.flow.name, draft, by: 'examples', now });
    if (!created.ok) continue;
    await store.publishFlow({ id: parsed.flow.id, doc: draft, by: 'examples', summary: 'Example flow', now });
    loaded.push(parsed.flow.id);
  }
  const settingsFile = path.join(deps.flowsDir, 'settings.json');
  const settingsText = await readFile(settingsFile, 'utf8').catch(() => null);
  if (settingsText !== null) {
    try {
      const settings = BotSettingsSchema.parse(JSON.parse(settingsText));
      await store.putSetting(BOT_SETTINGS_KEY, JSON.parse(JSON.stringify(settings)), deps.clock());
    } catch (error) {
      logger.error({ err: error }, 'flows/settings.json is not valid; default bot settings are used');
    }
  }
  await store.putSetting(SEEDED_KEY, { at: deps.clock(), flows: loaded }, deps.clock());
  return { loaded, skipped };
}
