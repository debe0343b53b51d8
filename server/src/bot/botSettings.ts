import { BotSettingsSchema, type BotSettingsInput } from '@switchboard/engine';
import type { Store } from '../store/types.js';

export const BOT_SETTINGS_KEY = 'bot';

/** The bot settings stored by the business (defaults where nothing is stored or it no longer parses). */
export async function readBotSettings(store: Store): Promise<BotSettingsInput> {
  const stored = await store.getSetting(BOT_SETTINGS_KEY);
  const parsed = BotSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}
