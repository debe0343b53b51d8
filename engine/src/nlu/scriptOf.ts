/** The writing systems language detection and stemming tell apart. */
export type Script = 'latin' | 'cyrillic' | 'other';

/**
 * The script of one UTF-16 code unit; digits, punctuation and everything else are `other`.
 *
 * @example scriptOf('ж'.charCodeAt(0)) // 'cyrillic'
 */
export function scriptOf(code: number): Script {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 'latin';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  // Latin-1 letters and Latin Extended-A/B, minus the two arithmetic signs in that range.
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return 'latin';
  return 'other';
}

/**
 * The script most letters of a word are written in.
 *
 * @example scriptOfWord('заказ') // 'cyrillic'
 */
export function scriptOfWord(word: string): Script {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < word.length; i++) {
    const script = scriptOf(word.charCodeAt(i));
    if (script === 'latin') latin++;
    else if (script === 'cyrillic') cyrillic++;
  }
  if (latin === 0 && cyrillic === 0) return 'other';
  return cyrillic > latin ? 'cyrillic' : 'latin';
}

/** Locales whose text is written in Cyrillic; every other locale is assumed to use Latin script. */
const CYRILLIC_LOCALES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);

/**
 * The script a locale such as `ru` or `en-GB` is written in.
 *
 * @example scriptOfLocale('ru-RU') // 'cyrillic'
 */
export function scriptOfLocale(locale: string): Script {
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return CYRILLIC_LOCALES.has(language) ? 'cyrillic' : 'latin';
}
