import type { z } from 'zod';
import { FlowSchema, LATEST_SCHEMA_VERSION, type Flow } from './flow.js';
import type { FlowIssue } from './issues.js';

type Raw = Record<string, unknown>;

/**
 * One step per schema version: `migrations[n]` turns a version-n document into version n+1.
 * Version 0 is the unversioned draft format: edges without `sourceHandle` meant `next`, and the
 * flow's name was called `title`.
 */
const migrations: Record<number, (doc: Raw) => Raw> = {
  0: (doc) => {
    const edges = Array.isArray(doc.edges) ? doc.edges : [];
    const { title, ...rest } = doc;
    return {
      ...rest,
      name: rest.name ?? title,
      schemaVersion: 1,
      edges: edges.map((e: unknown) =>
        isRecord(e) && (e.sourceHandle === undefined || e.sourceHandle === null) ? { ...e, sourceHandle: 'next' } : e,
      ),
    };
  },
};

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type ParseFlowResult = { ok: true; flow: Flow } | { ok: false; issues: FlowIssue[] };

/** Brings a stored flow document of any known schema version up to the latest. Does not validate. */
export function migrateFlow(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  let current: Raw = doc;
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : 0;
  while (version < LATEST_SCHEMA_VERSION) {
    const migrate = migrations[version];
    if (!migrate) break;
    current = migrate(current);
    version += 1;
  }
  return current;
}

/**
 * Parses an unknown document (a stored flow, an imported file, a request body) into a `Flow`,
 * migrating older versions first. Structural problems come back as `flow/invalid-document` issues.
 *
 * @example parseFlow(JSON.parse(text)) // → { ok: true, flow } or { ok: false, issues }
 */
export function parseFlow(doc: unknown): ParseFlowResult {
  const migrated = migrateFlow(doc);
  if (isRecord(migrated) && typeof migrated.schemaVersion === 'number' && migrated.schemaVersion > LATEST_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          code: 'flow/unsupported-version',
          severity: 'error',
          message: `This flow was saved by a newer version (schema ${migrated.schemaVersion}); this one reads up to ${LATEST_SCHEMA_VERSION}.`,
        },
      ],
    };
  }
  const parsed = FlowSchema.safeParse(migrated);
  if (parsed.success) return { ok: true, flow: parsed.data };
  const flowId = isRecord(migrated) && typeof migrated.id === 'string' ? migrated.id : undefined;
  return { ok: false, issues: zodIssuesToFlowIssues(parsed.error, migrated, flowId) };
}

function zodIssuesToFlowIssues(error: z.ZodError, doc: unknown, flowId: string | undefined): FlowIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const nodeIndex = issue.path[0] === 'nodes' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
    const nodes = isRecord(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
    const node: unknown = nodeIndex === undefined ? undefined : nodes[nodeIndex];
    const nodeId = isRecord(node) && typeof node.id === 'string' ? node.id : undefined;
    return {
      code: 'flow/invalid-document',
      severity: 'error',
      message: `${path || 'document'}: ${issue.message}`,
      path,
      ...(flowId ? { flowId } : {}),
      ...(nodeId ? { nodeId } : {}),
    };
  });
}
