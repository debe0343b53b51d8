/** Offers `value` as a pretty-printed JSON file download. */
export function downloadJson(args: { fileName: string; value: unknown }): void {
  const blob = new Blob([`${JSON.stringify(args.value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = args.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
