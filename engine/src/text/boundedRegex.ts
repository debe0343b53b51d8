/** Longest input an analyst-authored regex ever sees; together with the unsafe-regex check at validation, this bounds the work. */
export const MAX_REGEX_INPUT = 500;

interface BoundedRegex {
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

/**
 * Compiles an analyst-authored regex (validated as safe when the flow was checked) and runs it
 * only on the first `MAX_REGEX_INPUT` characters. An invalid pattern never matches.
 *
 * @example boundedRegex('^ORD-?(\\d+)$', 'i').exec('ord-5521')?.[1] // → '5521'
 */
export function boundedRegex(pattern: string, flags = ''): BoundedRegex {
  let re: RegExp | null;
  try {
    re = new RegExp(pattern, flags.replace(/[gy]/g, ''));
  } catch {
    re = null;
  }
  return {
    exec: (text) => (re ? re.exec(text.slice(0, MAX_REGEX_INPUT)) : null),
    test: (text) => (re ? re.test(text.slice(0, MAX_REGEX_INPUT)) : false),
  };
}
