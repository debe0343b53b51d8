const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens `text` to at most `max` UTF-16 code units, ending with an ellipsis when it had to cut.
 * Cuts between grapheme clusters, so an emoji or an accented letter is never split in half, and
 * counts code units because that is the stricter of the ways a limit can be counted.
 *
 * @example truncateText('Express delivery tomorrow', 20) // 'Express delivery to…'
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > max - ELLIPSIS.length) break;
    kept += segment;
  }
  return kept.trimEnd() + ELLIPSIS;
}
