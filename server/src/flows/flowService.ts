import { parseFlow, validateBot, type Flow, type FlowIssue, type Json } from '@switchboard/engine';
import { AppError, notFound } from '../http/AppError.js';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import type { FlowRecord, FlowVersion, Store } from '../store/types.js';
import { validateFlowRemoval } from './validateFlowRemoval.js';

export type FlowStatus = 'draft' | 'published' | 'changed';
export interface FlowView extends Omit<FlowRecord, 'draft' | 'deletedAt'> {
  status: FlowStatus;
  draft: Json;
}

const stable = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

function toJson(flow: Flow): Json {
  return JSON.parse(JSON.stringify(flow));
}

/** Parses a flow document or fails with `flow/invalid` listing every problem. */
export function parseFlowOrThrow(doc: unknown): Flow {
  const parsed = parseFlow(doc);
  if (parsed.ok) return parsed.flow;
  throw new AppError({ code: 'flow/invalid', message: 'The flow document is not valid.', httpStatus: 400, details: { issues: parsed.issues } });
}

/** Flows as analysts manage them: drafts with optimistic locking, immutable published versions. */
export function createFlowService(deps: { store: Store; bots: BotRegistry; clock: () => number }) {
  const { store } = deps;

  async function view(record: FlowRecord): Promise<FlowView> {
    const { deletedAt: _deleted, ...rest } = record;
    let status: FlowStatus = 'draft';
    if (record.publishedVersion !== null) {
      const published = await store.getVersion(record.id, record.publishedVersion);
      status = published && stable(published.doc) === stable(record.draft) ? 'published' : 'changed';
    }
    return { ...rest, status };
  }

  async function current(id: string): Promise<FlowRecord> {
    const record = await store.getFlow(id);
    if (!record || record.deletedAt !== null) throw notFound(`Flow "${id}"`);
    return record;
  }

  async function otherFlows(exceptId: string): Promise<Flow[]> {
    const records = await store.listFlows();
    return records
      .filter((r) => r.deletedAt === null && r.id !== exceptId)
      .flatMap((r) => {
        const parsed = parseFlow(r.draft);
        return parsed.ok ? [parsed.flow] : [];
      });
  }

  async function issuesOf(flow: Flow): Promise<FlowIssue[]> {
    const all = [flow, ...(await otherFlows(flow.id))];
    return validateBot(all, { actions: deps.bots.actionNames() }).filter((i) => i.flowId === undefined || i.flowId === flow.id);
  }

  return {
    async list(): Promise<FlowView[]> {
      const records = (await store.listFlows()).filter((r) => r.deletedAt === null);
      return Promise.all(records.map(view));
    },
    async get(id: string): Promise<FlowView> {
      return view(await current(id));
    },
    async create(doc: unknown, by: string | null): Promise<FlowView> {
      const flow = parseFlowOrThrow(doc);
      const result = await store.createFlow({ id: flow.id, name: flow.name, draft: toJson(flow), by, now: deps.clock() });
      if (!result.ok) throw new AppError({ code: 'flow/exists', message: `A flow with id "${flow.id}" already exists.`, httpStatus: 409 });
      return view(result.flow);
    },
    async save(id: string, doc: unknown, revision: number, by: string | null): Promise<FlowView> {
      const flow = parseFlowOrThrow(doc);
      if (flow.id !== id) throw new AppError({ code: 'flow/id-mismatch', message: `The document's id "${flow.id}" is not "${id}".`, httpStatus: 400 });
      const result = await store.saveDraft({ id, name: flow.name, draft: toJson(flow), expectedRevision: revision, by, now: deps.clock() });
      if (result.ok) return view(result.flow);
      if (result.reason === 'missing' || !result.current) throw notFound(`Flow "${id}"`);
      throw new AppError({
        code: 'flow/conflict',
        message: 'Someone saved a newer version of this flow. Load theirs or overwrite it knowingly.',
        httpStatus: 409,
        details: { current: await view(result.current) },
      });
    },
    async remove(id: string): Promise<void> {
      const record = await current(id);
      // Refused rather than half done: the bot compiles from the published flows, all or nothing.
      const issues = await validateFlowRemoval({ store, flowId: id, actions: deps.bots.actionNames() });
      if (issues.length > 0) {
        const where = [...new Set(issues.map((i) => (i.flowId ? [i.flowId, i.nodeId].filter(Boolean).join('/') : 'bot settings')))].join(', ');
        throw new AppError({ code: 'flow/in-use', message: `"${record.name}" is still needed (${where}). Change and publish those first.`, httpStatus: 409, details: { issues } });
      }
      await store.deleteFlow(id, deps.clock());
      await deps.bots.reload();
    },
    async duplicate(id: string, copy: { id: string; name: string }, by: string | null): Promise<FlowView> {
      const source = await current(id);
      const flow = parseFlowOrThrow(source.draft);
      return this.create({ ...flow, id: copy.id, name: copy.name }, by);
    },
    async validate(id: string): Promise<FlowIssue[]> {
      return issuesOf(parseFlowOrThrow((await current(id)).draft));
    },
    async publish(id: string, summary: string | undefined, by: string | null): Promise<FlowVersion> {
      const record = await current(id);
      const flow = parseFlowOrThrow(record.draft);
      const issues = await issuesOf(flow);
      if (issues.some((i) => i.severity === 'error')) {
        throw new AppError({ code: 'flow/has-errors', message: 'Fix the errors before publishing.', httpStatus: 422, details: { issues } });
      }
      const versions = await store.listVersions(id);
      const previous = versions.at(-1);
      const version = await store.publishFlow({ id, doc: record.draft, by, summary: summary?.trim() || summarize(previous?.doc ?? null, flow), now: deps.clock() });
      const reloaded = await deps.bots.reload();
      if (!reloaded.ok) throw new AppError({ code: 'flow/compile-failed', message: 'Published, but the bot could not be rebuilt.', httpStatus: 500, details: { issues: reloaded.issues } });
      return version;
    },
    versions: (id: string) => store.listVersions(id),
    async version(id: string, v: number): Promise<FlowVersion> {
      const found = await store.getVersion(id, v);
      if (!found) throw notFound(`Version ${v} of flow "${id}"`);
      return found;
    },
    async rollback(id: string, v: number, by: string | null): Promise<{ flow: FlowView; version: FlowVersion }> {
      const record = await current(id);
      const target = await this.version(id, v);
      const saved = await this.save(id, target.doc, record.revision, by);
      const version = await this.publish(id, `Rolled back to version ${v}`, by);
      return { flow: { ...saved, status: 'published', publishedVersion: version.version }, version };
    },
  };
}

export type FlowService = ReturnType<typeof createFlowService>;

/** A one-line summary of what changed between two versions, e.g. "2 nodes added, 1 changed, 1 edge removed". */
export function summarize(before: Json | null, after: Flow): string {
  const parsed = before === null ? null : parseFlow(before);
  if (!parsed?.ok) return `First version: ${after.nodes.length} nodes`;
  const old = parsed.flow;
  const byId = (list: { id: string }[]) => new Map(list.map((x) => [x.id, stable(x)]));
  const diff = (a: Map<string, string>, b: Map<string, string>) => ({
    added: [...b.keys()].filter((k) => !a.has(k)).length,
    removed: [...a.keys()].filter((k) => !b.has(k)).length,
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).length,
  });
  const n = diff(byId(old.nodes), byId(after.nodes));
  const e = diff(byId(old.edges), byId(after.edges));
  const parts = [
    n.added && `${n.added} node${n.added > 1 ? 's' : ''} added`,
    n.removed && `${n.removed} node${n.removed > 1 ? 's' : ''} removed`,
    n.changed && `${n.changed} node${n.changed > 1 ? 's' : ''} changed`,
    e.added + e.removed > 0 && `${e.added + e.removed} connection${e.added + e.removed > 1 ? 's' : ''} changed`,
    stable(old.intents) !== stable(after.intents) && 'intents changed',
    stable(old.triggers) !== stable(after.triggers) && 'triggers changed',
    old.name !== after.name && 'renamed',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No changes';
}
