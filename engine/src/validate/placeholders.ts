const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const VARIABLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * The variable paths a text refers to with `{{path}}`, in order, repeats included.
 *
 * @example placeholders('Hi {{ profile.name }}, order {{order.id}}') // → ['profile.name', 'order.id']
 */
export function placeholders(text: string): string[] {
  if (!text.includes('{{')) return [];
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Whether a string is a variable name or dotted path such as `order.status`. */
export const isVariablePath = (path: string): boolean => VARIABLE_PATH.test(path);
