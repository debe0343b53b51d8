import type { Flow } from '@switchboard/engine/schema';
import { z } from 'zod';
import { isApiError, request } from './http';
import {
  ConflictDetailsSchema,
  FlowRecordSchema,
  FlowSummarySchema,
  VersionSchema,
  VersionWithDocSchema,
  type FlowRecord,
  type FlowSummary,
  type FlowVersion,
} from './schemas';

const FlowBody = z.object({ flow: FlowRecordSchema });
const enc = encodeURIComponent;

export const listFlows = async (): Promise<FlowSummary[]> =>
  (await request('/api/flows', { schema: z.object({ flows: z.array(FlowSummarySchema) }) })).flows;

export const getFlow = async (id: string): Promise<FlowRecord> =>
  (await request(`/api/flows/${enc(id)}`, { schema: FlowBody })).flow;

export const createFlow = async (flow: Flow): Promise<FlowRecord> =>
  (await request('/api/flows', { method: 'POST', body: { flow }, schema: FlowBody })).flow;

export type SaveDraftResult = { ok: true; flow: FlowRecord } | { ok: false; conflict: FlowRecord };

/** Saves a draft over `revision`; someone else's newer save comes back as a conflict, not an error. */
export async function saveDraft(args: { id: string; draft: Flow; revision: number }): Promise<SaveDraftResult> {
  try {
    const body = await request(`/api/flows/${enc(args.id)}`, {
      method: 'PUT',
      body: { draft: args.draft, revision: args.revision },
      schema: FlowBody,
    });
    return { ok: true, flow: body.flow };
  } catch (error) {
    if (isApiError(error, 'flow/conflict')) {
      const details = ConflictDetailsSchema.safeParse(error.details);
      if (details.success) return { ok: false, conflict: details.data.current };
    }
    throw error;
  }
}

export const deleteFlow = (id: string): Promise<undefined> => request(`/api/flows/${enc(id)}`, { method: 'DELETE' });

export const duplicateFlow = async (args: { sourceId: string; id: string; name: string }): Promise<FlowRecord> =>
  (
    await request(`/api/flows/${enc(args.sourceId)}/duplicate`, {
      method: 'POST',
      body: { id: args.id, name: args.name },
      schema: FlowBody,
    })
  ).flow;

export const publishFlow = async (args: { id: string; summary?: string }): Promise<FlowVersion> =>
  (
    await request(`/api/flows/${enc(args.id)}/publish`, {
      method: 'POST',
      body: args.summary ? { summary: args.summary } : {},
      schema: z.object({ version: VersionSchema }),
    })
  ).version;

export const listVersions = async (id: string): Promise<FlowVersion[]> =>
  (await request(`/api/flows/${enc(id)}/versions`, { schema: z.object({ versions: z.array(VersionSchema) }) })).versions;

export const getVersion = async (args: { id: string; version: number }) =>
  (await request(`/api/flows/${enc(args.id)}/versions/${args.version}`, { schema: z.object({ version: VersionWithDocSchema }) }))
    .version;

export const rollbackFlow = (args: { id: string; version: number }) =>
  request(`/api/flows/${enc(args.id)}/rollback`, {
    method: 'POST',
    body: { version: args.version },
    schema: z.object({ flow: FlowRecordSchema, version: VersionSchema }),
  });
