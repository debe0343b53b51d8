const APOSTROPHES = /['’ʼ`´]/gu;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/**
 * The canonical form every NLU comparison uses: NFKC, lower case, `ё`→`е`, punctuation and symbols
 * removed, whitespace collapsed. Apostrophes are dropped rather than split on, so "where's" and
 * "wheres" agree.
 *
 * @example normalizeText('  Где мой ЗАКАЗ?!  Ёлка ') // 'где мой заказ елка'
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(APOSTROPHES, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/**
 * Splits normalised text into tokens, chat shorthand spelled out (see `expandShorthand`). Messages,
 * training examples and keywords all pass through here, so "pls" in any of them meets "please".
 *
 * @example tokenize('where is my order pls') // ['where', 'is', 'my', 'order', 'please']
 */
export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ').map(expandShorthand);
}

/**
 * Chat shorthand customers type on their phones, spelled out so that keywords, button titles and
 * intents trained on full words still match. Only unambiguous, one-word forms.
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ...['thx', 'thnx', 'thanx', 'tnx', 'ty', 'tyvm'].map((w) => [w, 'thanks'] as const),
  ...['pls', 'plz', 'plse'].map((w) => [w, 'please'] as const),
  ['u', 'you'],
  ['ur', 'your'],
  ...['спс', 'спсб', 'пасиб', 'пасибо', 'сяп'].map((w) => [w, 'спасибо'] as const),
  ...['пж', 'пжл', 'пжлст', 'плз', 'плиз'].map((w) => [w, 'пожалуйста'] as const),
  ...['щас', 'ща'].map((w) => [w, 'сейчас'] as const),
]);

/**
 * A normalised token with chat shorthand spelled out.
 *
 * @example expandShorthand('thx') // 'thanks'
 */
export function expandShorthand(token: string): string {
  return SHORTHAND.get(token) ?? token;
}
