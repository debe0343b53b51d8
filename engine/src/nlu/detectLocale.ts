import type { AnalyzeOptions } from './types.js';
import { scriptOf, scriptOfLocale } from './scriptOf.js';
import type { Script } from './scriptOf.js';

export interface LocaleDecision {
  locale: string;
  /** Share of the letters written in the winning script; 0.5 when the hint decided. */
  confidence: number;
}

/**
 * Picks the locale of a message by the script most of its letters use, among the bot's locales.
 * The conversation's locale breaks ties and decides for text without letters ("5521", "👍"), and
 * wins whenever it is written in the detected script (a Latin message in an `es` conversation of an
 * en+es bot stays `es`).
 *
 * @example detectLocale('где мой заказ', { localeHint: 'en', locales: ['en', 'ru'] }) // { locale: 'ru', confidence: 1 }
 */
export function detectLocale(text: string, { localeHint, locales }: AnalyzeOptions): LocaleDecision {
  if (locales.length <= 1) return { locale: locales[0] ?? localeHint, confidence: 1 };

  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i++) {
    const script = scriptOf(text.charCodeAt(i));
    if (script === 'latin') latin++;
    else if (script === 'cyrillic') cyrillic++;
  }
  if (latin === cyrillic) return { locale: localeHint, confidence: 0.5 };

  const winner: Script = cyrillic > latin ? 'cyrillic' : 'latin';
  const share = Math.max(latin, cyrillic) / (latin + cyrillic);
  if (scriptOfLocale(localeHint) === winner) return { locale: localeHint, confidence: share };
  const candidate = locales.find((locale) => scriptOfLocale(locale) === winner);
  return candidate === undefined ? { locale: localeHint, confidence: 0.5 } : { locale: candidate, confidence: share };
}
