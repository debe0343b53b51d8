import { FlowSchema, OutboundMessageSchema } from '@switchboard/engine/schema';
import { z } from 'zod';

const Timestamp = z.union([z.string(), z.number()]);

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullish(),
  role: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const FlowStatusSchema = z.enum(['draft', 'published', 'changed']);
export type FlowStatus = z.infer<typeof FlowStatusSchema>;

export const FlowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: FlowStatusSchema,
  revision: z.number(),
  updatedAt: Timestamp,
  updatedBy: z.string().nullish(),
  publishedVersion: z.number().nullish(),
});
export type FlowSummary = z.infer<typeof FlowSummarySchema>;

export const FlowRecordSchema = FlowSummarySchema.extend({ draft: FlowSchema });
export type FlowRecord = z.infer<typeof FlowRecordSchema>;

export const VersionSchema = z.object({
  flowId: z.string(),
  version: z.number(),
  publishedAt: Timestamp,
  publishedBy: z.string().nullish(),
  summary: z.string().nullish(),
});
export type FlowVersion = z.infer<typeof VersionSchema>;

export const VersionWithDocSchema = VersionSchema.extend({ doc: FlowSchema });

export const MetaSchema = z.object({
  actions: z.array(z.string()),
  locales: z.array(z.string()),
  intents: z.array(z.string()),
  flows: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Meta = z.infer<typeof MetaSchema>;

/** An issue as the server reports it; codes are kept as strings so newer codes still show. */
export const FlowIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  flowId: z.string().optional(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  path: z.string().optional(),
});

export type Issue = z.infer<typeof FlowIssueSchema>;

/** `details` of `flow/invalid` and `flow/has-errors`. */
export const IssuesDetailsSchema = z.object({ issues: z.array(FlowIssueSchema) });
/** `details` of `flow/conflict`. */
export const ConflictDetailsSchema = z.object({ current: FlowRecordSchema });

export const ActiveNodeSchema = z.object({ flowId: z.string(), nodeId: z.string() }).nullable();
export type ActiveNode = z.infer<typeof ActiveNodeSchema>;

export const PreviewStartSchema = z.object({
  sessionId: z.string(),
  replies: z.array(OutboundMessageSchema),
  trace: z.unknown().optional(),
  activeNode: ActiveNodeSchema.default(null),
  handoff: z.boolean().default(false),
  ended: z.boolean().default(false),
});
export const PreviewTurnSchema = PreviewStartSchema.omit({ sessionId: true });
export type PreviewTurn = z.infer<typeof PreviewTurnSchema>;
