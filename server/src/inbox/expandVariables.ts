import type { Json } from '@switchboard/engine/schema';

const isRecord = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function lookup(vars: Record<string, Json>, path: string): string | null {
  let value: Json | undefined = vars;
  for (const part of path.split('.')) value = isRecord(value) ? value[part] : undefined;
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? null : String(value);
}

/**
 * Fills `{{name}}`-style variables in a quick reply: `{{name}}`, `{{phone}}`, `{{operator}}`,
 * `{{business}}` and anything the bot collected (`{{orderId}}`, `{{order.status}}`). An unknown
 * variable stays as written, so the operator sees what is missing before sending.
 *
 * @example expandVariables('Hi {{name}}!', { name: 'Ann' }) // → 'Hi Ann!'
 */
export function expandVariables(text: string, vars: Record<string, Json>): string {
  return text.replace(/\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g, (whole, path: string) => lookup(vars, path) ?? whole);
}
