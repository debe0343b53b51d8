import type { Effect, Json } from '../schema/index.js';
import type { Analysis } from '../nlu/types.js';
import type { Turn } from '../compile/types.js';
import { interpolate, localize } from '../text/interpolate.js';
import type { Restored } from './restorePosition.js';
import type { Bot, ConversationSnapshot, TraceEntry } from './types.js';

/** One step in progress: the snapshot being changed and everything decided so far. */
export interface Work {
  bot: Bot;
  snap: ConversationSnapshot;
  effects: Effect[];
  trace: TraceEntry[];
  now: number;
  /** Whether this turn's customer message was not understood somewhere. */
  missed: boolean;
  /** Where the stored conversation stood in the bot's flows when the step began. */
  restored: Restored;
}

export function turnOf(w: Work, text: string | null, analysis: Analysis | null): Turn {
  return { now: w.now, locale: w.snap.locale, misunderstood: w.snap.misunderstood, text, analysis };
}

/** A bot-wide text (settings) in the conversation's locale, with `{{variables}}` filled in. */
export function say(w: Work, text: Record<string, string> | undefined): string {
  return interpolate(localize(text, w.snap.locale, w.bot.settings.defaultLocale), { ...w.snap.vars, locale: w.snap.locale });
}

export function sendText(w: Work, text: string): void {
  if (text) w.effects.push({ type: 'send', message: { kind: 'text', text } });
}

export function asRecord(value: Json | undefined): Record<string, Json> {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
