/**
 * The first of `prefix-1`, `prefix-2`, … that is not taken.
 *
 * @example uniqueId('ask', new Set(['ask-1'])) // → 'ask-2'
 */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}
