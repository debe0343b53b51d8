import { z } from 'zod';
import { IdSchema, LocaleSchema, LocalizedListSchema, VariablePathSchema } from './common.js';
import { FlowNodeSchema } from './nodes.js';

/** The schema version this engine writes; older documents are migrated forward by `migrateFlow`. */
export const LATEST_SCHEMA_VERSION = 1;

export const EdgeSchema = z.object({
  id: IdSchema,
  source: IdSchema,
  sourceHandle: z.string().min(1),
  target: IdSchema,
  targetHandle: z.string().nullish(),
});
export type FlowEdge = z.infer<typeof EdgeSchema>;

export const IntentSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_.-]*$/, 'lowercase letters, digits, "_", "." or "-"'),
  examples: LocalizedListSchema,
});
export type Intent = z.infer<typeof IntentSchema>;

export const TriggersSchema = z.object({
  /** Words that start this flow when no flow is active (matched on stems, typos tolerated). */
  keywords: LocalizedListSchema.default({}),
  /** Intents (declared in any flow of the bot) that start this flow. */
  intents: z.array(z.string()).default([]),
});
export type Triggers = z.infer<typeof TriggersSchema>;

export const VariableSchema = z.object({
  name: VariablePathSchema,
  type: z.enum(['string', 'number', 'boolean', 'object']).default('string'),
  description: z.string().optional(),
});
export type Variable = z.infer<typeof VariableSchema>;

export const FlowSettingsSchema = z.object({
  /** Below this confidence an intent does not count as understood. */
  confidenceThreshold: z.number().min(0).max(1).optional(),
  /** Consecutive misunderstandings before the bot offers a person. */
  fallbackLimit: z.number().int().min(1).max(10).optional(),
});
export type FlowSettings = z.infer<typeof FlowSettingsSchema>;

export const FlowSchema = z.object({
  $schema: z.string().optional(),
  schemaVersion: z.literal(LATEST_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, "_" or "-"'),
  name: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  locales: z.array(LocaleSchema).min(1),
  triggers: TriggersSchema.default({ keywords: {}, intents: [] }),
  intents: z.array(IntentSchema).default([]),
  variables: z.array(VariableSchema).default([]),
  settings: FlowSettingsSchema.default({}),
  nodes: z.array(FlowNodeSchema),
  edges: z.array(EdgeSchema),
});
export type Flow = z.infer<typeof FlowSchema>;
/** What a flow document may look like before defaults are applied (what authors write). */
export type FlowInput = z.input<typeof FlowSchema>;
