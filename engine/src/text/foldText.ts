/** Case- and punctuation-insensitive form used to compare short answers with button titles. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
