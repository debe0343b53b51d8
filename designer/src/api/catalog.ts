import { z } from 'zod';
import { request } from './http';

const Entry = { id: z.string(), updatedAt: z.number() };

export const LabelSchema = z.object({ ...Entry, name: z.string(), color: z.string() });
export type Label = z.infer<typeof LabelSchema>;

export const QuickReplySchema = z.object({ ...Entry, shortcut: z.string(), text: z.string() });
export type QuickReply = z.infer<typeof QuickReplySchema>;

export const TemplateButtonSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quickReply'), text: z.string() }),
  z.object({ type: z.literal('url'), text: z.string(), url: z.string() }),
]);
export type TemplateButton = z.infer<typeof TemplateButtonSchema>;

export const TemplateCategorySchema = z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']);
export const TemplateSchema = z.object({
  ...Entry,
  name: z.string(),
  language: z.string(),
  category: TemplateCategorySchema,
  body: z.string(),
  buttons: z.array(TemplateButtonSchema).default([]),
  status: z.enum(['approved', 'pending', 'rejected']).default('approved'),
});
export type Template = z.infer<typeof TemplateSchema>;

export type LabelInput = Pick<Label, 'name' | 'color'>;
export type QuickReplyInput = Pick<QuickReply, 'shortcut' | 'text'>;
export type TemplateInput = Pick<Template, 'name' | 'language' | 'category' | 'body' | 'buttons' | 'status'>;

export const catalogKeys = {
  labels: ['catalog', 'labels'] as const,
  quickReplies: ['catalog', 'quickReplies'] as const,
  templates: ['catalog', 'templates'] as const,
};

/** List, create, replace and delete for one catalog collection (labels, quick replies, templates). */
function catalog<T, I>(path: string, schema: z.ZodType<T>) {
  const enc = encodeURIComponent;
  return {
    list: async (): Promise<T[]> => (await request(path, { schema: z.object({ items: z.array(schema) }) })).items,
    create: (input: I): Promise<T> => request(path, { method: 'POST', body: input, schema }),
    update: (args: { id: string; input: I }): Promise<T> => request(`${path}/${enc(args.id)}`, { method: 'PUT', body: args.input, schema }),
    remove: (id: string): Promise<undefined> => request(`${path}/${enc(id)}`, { method: 'DELETE' }),
  };
}

export const labelsApi = catalog<Label, LabelInput>('/api/labels', LabelSchema);
export const quickRepliesApi = catalog<QuickReply, QuickReplyInput>('/api/quick-replies', QuickReplySchema);
export const templatesApi = catalog<Template, TemplateInput>('/api/templates', TemplateSchema);
