import { z } from 'zod';
import {
  IdSchema,
  LocaleSchema,
  LocalizedListSchema,
  LocalizedTextSchema,
  PositionSchema,
  VariablePathSchema,
} from './common.js';

const base = { label: z.string().max(80).optional() };

export const ButtonSchema = z.object({ id: IdSchema, title: LocalizedTextSchema });
export type Button = z.infer<typeof ButtonSchema>;

export const ListRowSchema = z.object({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
});
export type ListRow = z.infer<typeof ListRowSchema>;

export const MediaSchema = z.object({
  kind: z.enum(['image', 'video', 'document', 'audio']),
  url: z.url({ protocol: /^https?$/ }),
});

export const StartDataSchema = z.object({ ...base });

export const MessageDataSchema = z.object({
  ...base,
  text: LocalizedTextSchema,
  buttons: z.array(ButtonSchema).optional(),
  list: z.object({ button: LocalizedTextSchema, rows: z.array(ListRowSchema) }).optional(),
  media: MediaSchema.optional(),
});
export type MessageData = z.infer<typeof MessageDataSchema>;

export const ValidatorSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), minLength: z.number().int().min(0).optional(), maxLength: z.number().int().positive().optional() }),
  z.object({ type: z.literal('number'), min: z.number().optional(), max: z.number().optional(), integer: z.boolean().optional() }),
  z.object({ type: z.literal('email') }),
  z.object({ type: z.literal('phone') }),
  z.object({ type: z.literal('date') }),
  z.object({
    type: z.literal('regex'),
    pattern: z.string().min(1).max(500),
    flags: z.string().regex(/^[imsu]*$/).optional(),
    /** What to store, with `$1`… for capture groups, e.g. `BK-$1`; the whole match when absent. */
    store: z.string().max(200).optional(),
  }),
  z.object({
    type: z.literal('choice'),
    choices: z.array(z.object({ value: z.string().min(1), synonyms: LocalizedListSchema.default({}) })).min(1),
  }),
]);
export type Validator = z.infer<typeof ValidatorSchema>;

export const AskDataSchema = z.object({
  ...base,
  prompt: LocalizedTextSchema,
  variable: VariablePathSchema,
  validator: ValidatorSchema,
  retryPrompt: LocalizedTextSchema.optional(),
  maxAttempts: z.number().int().min(1).max(10).default(3),
});
export type AskData = z.infer<typeof AskDataSchema>;

export const RuleSchema = z.discriminatedUnion('kind', [
  z.object({ id: IdSchema, kind: z.literal('keyword'), keywords: LocalizedListSchema }),
  z.object({ id: IdSchema, kind: z.literal('intent'), intent: z.string().min(1), minConfidence: z.number().min(0).max(1).default(0.5) }),
  z.object({ id: IdSchema, kind: z.literal('regex'), pattern: z.string().min(1).max(500), flags: z.string().regex(/^[imsu]*$/).optional() }),
  z.object({
    id: IdSchema,
    kind: z.literal('variable'),
    variable: VariablePathSchema,
    op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists', 'notExists']),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  }),
]);
export type Rule = z.infer<typeof RuleSchema>;

export const RouteDataSchema = z.object({ ...base, rules: z.array(RuleSchema) });
export type RouteData = z.infer<typeof RouteDataSchema>;

export const ActionDataSchema = z.object({
  ...base,
  action: z.string().min(1),
  /** Input field → template, e.g. `{ "orderId": "{{orderId}}" }`. */
  input: z.record(z.string(), z.string()).default({}),
  resultVariable: VariablePathSchema.optional(),
});
export type ActionData = z.infer<typeof ActionDataSchema>;

export const SetDataSchema = z.object({
  ...base,
  assignments: z.array(z.object({ variable: VariablePathSchema, value: z.string() })),
});

export const TagDataSchema = z.object({
  ...base,
  add: z.array(z.string().min(1)).default([]),
  remove: z.array(z.string().min(1)).default([]),
});

export const HandoffDataSchema = z.object({
  ...base,
  queue: z.string().min(1).default('support'),
  message: LocalizedTextSchema.optional(),
  /** Why the flow hands over (shown to operators and counted in analytics). */
  reason: z.enum(['requested', 'notUnderstood', 'flow', 'lowRating']).default('flow'),
});

export const JumpDataSchema = z.object({ ...base, flowId: z.string().optional(), nodeId: z.string().optional() });

export const WaitDataSchema = z.object({ ...base, minutes: z.number().positive().max(60 * 24 * 30) });

export const TemplateDataSchema = z.object({
  ...base,
  name: z.string().regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and underscores'),
  language: LocaleSchema,
  /** Body parameters `{{1}}`, `{{2}}`… as templates over variables. */
  parameters: z.array(z.string()).default([]),
});

export const EndDataSchema = z.object({ ...base, message: LocalizedTextSchema.optional() });

const node = <T extends string, D extends z.ZodTypeAny>(type: T, data: D) =>
  z.object({ id: IdSchema, type: z.literal(type), position: PositionSchema, data });

export const FlowNodeSchema = z.discriminatedUnion('type', [
  node('start', StartDataSchema),
  node('message', MessageDataSchema),
  node('ask', AskDataSchema),
  node('route', RouteDataSchema),
  node('action', ActionDataSchema),
  node('set', SetDataSchema),
  node('tag', TagDataSchema),
  node('handoff', HandoffDataSchema),
  node('jump', JumpDataSchema),
  node('wait', WaitDataSchema),
  node('template', TemplateDataSchema),
  node('end', EndDataSchema),
]);
export type FlowNode = z.infer<typeof FlowNodeSchema>;
export type NodeType = FlowNode['type'];
export type NodeOfType<T extends NodeType> = Extract<FlowNode, { type: T }>;
export const NODE_TYPES = FlowNodeSchema.options.map((o) => o.shape.type.value) as readonly NodeType[];
export { LocaleSchema };
