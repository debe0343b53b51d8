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
 * Splits normalised text into tokens.
 *
 * @example tokenize('where is my order') // ['where', 'is', 'my', 'order']
 */
export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}
