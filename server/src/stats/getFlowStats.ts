import { parseFlow } from '@switchboard/engine';
import { STAT_METRICS } from '../store/statMetrics.js';
import type { Store } from '../store/types.js';
import { rate } from './ratios.js';
import type { StatsRange } from './statsRange.js';

export interface NodeStats {
  flowId: string;
  nodeId: string;
  nodeType: string | null;
  label: string | null;
  visits: number;
  /** Runs that stopped here: left unfinished, expired, or still sitting here. */
  stopped: number;
  handedOff: number;
  /** stopped + handedOff, and its share of visits. */
  dropOff: number;
  dropOffRate: number | null;
}

export interface FlowStatsRow {
  flowId: string;
  name: string | null;
  starts: number;
  completions: number;
  completionRate: number | null;
  misses: number;
  handoffs: number;
}

export interface FlowStats {
  range: Pick<StatsRange, 'fromDay' | 'toDay' | 'timeZone'>;
  flows: FlowStatsRow[];
  nodes: NodeStats[];
  edges: { flowId: string; source: string; target: string; n: number }[];
  nlu: { decisions: number; misses: number; fallbackRate: number | null };
  notUnderstood: { text: string; n: number }[];
}

const METRICS = [STAT_METRICS.nodeVisit, STAT_METRICS.edge, STAT_METRICS.flowStart, STAT_METRICS.flowEnd, STAT_METRICS.nlu, STAT_METRICS.nluMiss, STAT_METRICS.missText, STAT_METRICS.handoff, STAT_METRICS.drop];
const TOP_TEXTS = 50;

/**
 * Per flow: starts, completions and misses; per node: visits and where runs dropped off (stopped
 * there or were handed to a person there); traffic per edge; the NLU fallback rate and the texts it
 * missed most. Pass `flowId` for one flow only (the editor's overlay).
 */
export async function getFlowStats(store: Store, range: StatsRange, options: { flowId?: string } = {}): Promise<FlowStats> {
  const [rows, open, records] = await Promise.all([
    store.statCounts({ from: range.from, to: range.to, metrics: METRICS, by: 'dims' }),
    store.openFlowRuns(range),
    store.listFlows(),
  ]);
  const only = options.flowId;
  const inScope = (flowId: string | null) => only === undefined || flowId === only;
  const flows = new Map<string, { name: string; nodes: Map<string, { type: string; label: string | null }> }>();
  for (const record of records) {
    if (record.deletedAt !== null) continue;
    const parsed = parseFlow(record.draft);
    const nodes = new Map(parsed.ok ? parsed.flow.nodes.map((n) => [n.id, { type: n.type, label: n.data.label ?? null }]) : []);
    flows.set(record.id, { name: record.name, nodes });
  }

  const flowRows = new Map<string, FlowStatsRow>();
  const flowRow = (flowId: string) => {
    let row = flowRows.get(flowId);
    if (!row) {
      row = { flowId, name: flows.get(flowId)?.name ?? null, starts: 0, completions: 0, completionRate: null, misses: 0, handoffs: 0 };
      flowRows.set(flowId, row);
    }
    return row;
  };
  const nodeRows = new Map<string, NodeStats>();
  const nodeRow = (flowId: string, nodeId: string) => {
    const id = `${flowId}\u0000${nodeId}`;
    let row = nodeRows.get(id);
    if (!row) {
      const info = flows.get(flowId)?.nodes.get(nodeId);
      row = { flowId, nodeId, nodeType: info?.type ?? null, label: info?.label ?? null, visits: 0, stopped: 0, handedOff: 0, dropOff: 0, dropOffRate: null };
      nodeRows.set(id, row);
    }
    return row;
  };
  const edges: FlowStats['edges'] = [];
  const nlu = { decisions: 0, misses: 0 };
  const texts: { text: string; n: number }[] = [];

  for (const row of rows) {
    const { flowId, nodeId } = row;
    switch (row.metric) {
      case STAT_METRICS.nlu:
        nlu.decisions += row.n;
        break;
      case STAT_METRICS.missText:
        if (row.key !== null) texts.push({ text: row.key, n: row.n });
        break;
      case STAT_METRICS.nluMiss:
        nlu.misses += row.n;
        if (flowId !== null && inScope(flowId)) flowRow(flowId).misses += row.n;
        break;
      case STAT_METRICS.flowStart:
        if (flowId !== null && inScope(flowId)) flowRow(flowId).starts += row.n;
        break;
      case STAT_METRICS.flowEnd:
        if (flowId !== null && inScope(flowId)) flowRow(flowId).completions += row.n;
        break;
      case STAT_METRICS.nodeVisit:
        if (flowId !== null && nodeId !== null && inScope(flowId)) nodeRow(flowId, nodeId).visits += row.n;
        break;
      case STAT_METRICS.drop:
        if (flowId !== null && nodeId !== null && inScope(flowId)) nodeRow(flowId, nodeId).stopped += row.n;
        break;
      case STAT_METRICS.handoff:
        if (flowId !== null && inScope(flowId)) {
          flowRow(flowId).handoffs += row.n;
          if (nodeId !== null) nodeRow(flowId, nodeId).handedOff += row.n;
        }
        break;
      case STAT_METRICS.edge:
        if (flowId !== null && nodeId !== null && row.key !== null && inScope(flowId)) edges.push({ flowId, source: nodeId, target: row.key, n: row.n });
        break;
      default:
        break;
    }
  }
  for (const run of open) if (inScope(run.flowId)) nodeRow(run.flowId, run.nodeId).stopped += run.n;
  for (const node of nodeRows.values()) {
    node.dropOff = node.stopped + node.handedOff;
    node.dropOffRate = rate(node.dropOff, node.visits);
  }
  for (const flow of flowRows.values()) flow.completionRate = rate(flow.completions, flow.starts);

  return {
    range: { fromDay: range.fromDay, toDay: range.toDay, timeZone: range.timeZone },
    flows: [...flowRows.values()].sort((a, b) => b.starts - a.starts || a.flowId.localeCompare(b.flowId)),
    nodes: [...nodeRows.values()].sort((a, b) => a.flowId.localeCompare(b.flowId) || b.visits - a.visits || a.nodeId.localeCompare(b.nodeId)),
    edges: edges.sort((a, b) => a.flowId.localeCompare(b.flowId) || b.n - a.n || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
    nlu: { ...nlu, fallbackRate: rate(nlu.misses, nlu.decisions) },
    notUnderstood: texts.sort((a, b) => b.n - a.n || a.text.localeCompare(b.text)).slice(0, TOP_TEXTS),
  };
}
