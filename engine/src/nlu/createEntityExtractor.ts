import type { Entities } from './types.js';

export interface EntityOptions {
  /**
   * Id prefixes the customer may also write without a hyphen ("ord5521", "bk 48213"). Any other
   * `LETTERS-DIGITS` token ("INV-2231") is an id only when hyphenated.
   */
  idPrefixes?: readonly string[];
}

export const DEFAULT_ID_PREFIXES: readonly string[] = ['ORD', 'BK'];

const ISO_DATE = /(?<![\p{L}\p{N}])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}])/gu;
const DOTTED_DATE = /(?<![\p{L}\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{L}\p{N}]|\.\d)/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const HYPHENATED_ID = /(?<![\p{L}\p{N}])([a-z]{2,5})-(\d{3,12})(?![\p{L}\p{N}])/giu;
const PHONE = /(?<![\p{L}\p{N}+])(\+?)\d[\d\s().-]{5,22}\d(?![\p{L}\p{N}])/gu;
const NUMBER = /(?<![\p{L}\p{N}])-?\d+(?:[.,]\d+)?(?![\p{L}\p{N}])/gu;
const NON_DIGIT = /\D/g;
const HAS_DIGIT = /\d/;

/**
 * Finds numbers, order/booking ids, emails, phones and dates in a message. Each span is claimed by
 * the most specific kind first (dates, emails, ids, phones, then numbers), so "ORD-5521" is an id and
 * not also the number 5521, while a bare "5521" stays a number.
 *
 * @example createEntityExtractor()('order ord 5521, mail me at a@b.io').ids // ['ORD-5521']
 */
export function createEntityExtractor({ idPrefixes = DEFAULT_ID_PREFIXES }: EntityOptions = {}): (text: string) => Entities {
  const prefixedId = prefixedIdPattern(idPrefixes);
  return (text) => extractEntities(text, prefixedId);
}

function extractEntities(text: string, prefixedId: RegExp): Entities {
  const entities: Entities = { numbers: [], ids: [], emails: [], phones: [], dates: [] };
  // Spans already claimed are blanked out so later, looser patterns cannot reuse them.
  let rest = text.normalize('NFKC');
  // Most messages have neither digits nor "@": skip the scans rather than run seven regexes for nothing.
  if (!HAS_DIGIT.test(rest) && !rest.includes('@')) return entities;

  rest = claim(rest, ISO_DATE, (match) => pushDate(entities.dates, match[1], match[2], match[3]));
  rest = claim(rest, DOTTED_DATE, (match) => pushDate(entities.dates, match[3], match[2], match[1]));
  rest = claim(rest, EMAIL, (match) => {
    entities.emails.push(match[0].toLowerCase());
    return true;
  });
  rest = claim(rest, prefixedId, (match) => {
    entities.ids.push(`${(match[1] ?? '').toUpperCase()}-${match[2] ?? ''}`);
    return true;
  });
  rest = claim(rest, HYPHENATED_ID, (match) => {
    entities.ids.push(`${(match[1] ?? '').toUpperCase()}-${match[2] ?? ''}`);
    return true;
  });
  rest = claim(rest, PHONE, (match) => {
    const digits = match[0].replace(NON_DIGIT, '');
    const international = match[1] === '+';
    // Without a "+" only long runs count, so "5521 48213" stays two numbers.
    if (digits.length > 15 || digits.length < (international ? 8 : 10)) return false;
    entities.phones.push(international ? `+${digits}` : digits);
    return true;
  });
  claim(rest, NUMBER, (match) => {
    const value = Number(match[0].replace(',', '.'));
    if (!Number.isFinite(value)) return false;
    entities.numbers.push(value);
    return true;
  });
  return entities;
}

/** Runs `pattern` over `text`, blanking every match that `accept` takes. */
function claim(text: string, pattern: RegExp, accept: (match: RegExpExecArray) => boolean): string {
  pattern.lastIndex = 0;
  let result = '';
  let from = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (!accept(match)) continue;
    result += text.slice(from, match.index) + ' '.repeat(match[0].length);
    from = match.index + match[0].length;
  }
  return from === 0 ? text : result + text.slice(from);
}

function pushDate(dates: string[], year = '', month = '', day = ''): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 31.02 over into March; a real date survives the round trip unchanged.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  dates.push(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  return true;
}

/** "ord5521", "ord 5521", "ORD-5521", "ord #5521" for the known prefixes. */
function prefixedIdPattern(prefixes: readonly string[]): RegExp {
  const alternatives = prefixes.map((prefix) => prefix.replace(/[^A-Za-z]/g, '')).filter((prefix) => prefix !== '');
  if (alternatives.length === 0) return /(?!)/gu;
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})[\\s#№-]{0,2}(\\d{3,12})(?![\\p{L}\\p{N}])`, 'giu');
}
