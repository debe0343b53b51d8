import { z } from 'zod';

/** A canned answer an operator inserts with `/shortcut`; `{{name}}`-style variables are filled per conversation. */
export const QuickReplySchema = z.object({
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'letters, digits, "-" or "_", at most 32'),
  text: z.string().trim().min(1).max(4096),
});
export type QuickReply = z.infer<typeof QuickReplySchema>;

export const TemplateButtonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quickReply'), text: z.string().trim().min(1).max(25) }),
  z.object({ type: z.literal('url'), text: z.string().trim().min(1).max(25), url: z.url() }),
]);

/** An approved WhatsApp template as the business registered it with Meta; `{{1}}`, `{{2}}` … are its parameters. */
export const TemplateSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and "_" (as Meta names templates)'),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as "en" or "en_US"'),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  body: z.string().trim().min(1).max(1024),
  buttons: z.array(TemplateButtonSchema).max(10).default([]),
  /** Only approved templates are sent; the others are kept while Meta reviews them. */
  status: z.enum(['approved', 'pending', 'rejected']).default('approved'),
});
export type Template = z.infer<typeof TemplateSchema>;

export const LabelSchema = z.object({
  name: z.string().trim().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as "#12b886"'),
});
export type Label = z.infer<typeof LabelSchema>;

export const DEFAULT_LABELS: readonly Label[] = [
  { name: 'New customer', color: '#228be6' },
  { name: 'New order', color: '#fab005' },
  { name: 'Awaiting payment', color: '#fd7e14' },
  { name: 'Paid', color: '#40c057' },
  { name: 'Order complete', color: '#868e96' },
];

/** The number of parameters a template body takes: the highest `{{n}}` it mentions. */
export function templateParameterCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])));
}

/** The body with its `{{n}}` parameters filled (what the customer will read). */
export function renderTemplate(body: string, parameters: readonly string[]): string {
  return body.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => parameters[Number(n) - 1] ?? whole);
}
