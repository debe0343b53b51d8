/** How many `{{n}}` parameters a template body takes (the highest n it mentions). */
export function templateParameterCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])));
}

/** The body as the customer will read it; unfilled parameters stay as `{{n}}`. */
export function renderTemplate(body: string, parameters: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => parameters[Number(n) - 1]?.trim() || whole);
}
