import type { Json, LocalizedText } from '../schema/index.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

/** Reads a dotted path (`order.status`) from variables; undefined when any step is missing. */
export function readPath(vars: Record<string, Json>, path: string): Json | undefined {
  let current: Json | undefined = vars;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Returns a copy of `vars` with `path` set; intermediate objects are created as needed. */
export function writePath(vars: Record<string, Json>, path: string, value: Json): Record<string, Json> {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return vars;
  if (rest.length === 0) return { ...vars, [head]: value };
  const child = vars[head];
  const base = child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {};
  return { ...vars, [head]: writePath(base, rest.join('.'), value) };
}

function toText(value: Json | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return Array.isArray(value) ? value.map((v) => toText(v)).join(', ') : '';
  return String(value);
}

/**
 * Fills `{{path}}` placeholders from variables. Only lookups: nothing in a flow is ever evaluated.
 *
 * @example interpolate('Hi {{profile.name}}', { profile: { name: 'Ann' } }) // → 'Hi Ann'
 */
export function interpolate(template: string, vars: Record<string, Json>): string {
  if (!template.includes('{{')) return template;
  let emptied = false;
  const filled = template.replace(PLACEHOLDER, (_, path: string) => {
    const text = toText(readPath(vars, path));
    if (text === '') emptied = true;
    return text;
  });
  // "Hi {{profile.name}}!" without a name reads "Hi!", not "Hi !"; "Привет, {{name}}!" reads "Привет!".
  return emptied ? filled.replace(/[ \t]*,[ \t]*(?=[!?.,:;]|$)/gm, '').replace(/[ \t]+(?=[!?.,:;])/g, '').replace(/[ \t]{2,}/g, ' ') : filled;
}

/**
 * Like `interpolate`, but a template that is exactly one placeholder keeps the variable's JSON
 * value (so `{{order}}` copies an object, `{{count}}` a number).
 */
export function interpolateValue(template: string, vars: Record<string, Json>): Json {
  const single = /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}$/.exec(template);
  if (single?.[1]) return readPath(vars, single[1]) ?? null;
  return interpolate(template, vars);
}

/** Picks the text for a locale, falling back to the default locale, then to any text there is. */
export function localize(text: LocalizedText | undefined, locale: string, fallbackLocale: string): string {
  if (!text) return '';
  return text[locale] || text[fallbackLocale] || Object.values(text).find((t) => t.length > 0) || '';
}
