import type { Flow } from '@switchboard/engine/schema';
import { MarkerType } from '@xyflow/react';
import type { Issue } from '../../../api/schemas';
import type { Size } from '../edits';
import type { Selection } from '../store/createEditorStore';
import type { CanvasEdge, CanvasNode } from './canvasTypes';

export interface CanvasInput {
  flow: Flow;
  selection: Selection;
  sizes: Readonly<Record<string, Size>>;
  issues: readonly Issue[];
  locale: string;
  activeNodeId: string | null;
}

/** The worst severity per node id. */
export function severityByNode(issues: readonly Issue[]): Map<string, 'error' | 'warning'> {
  const result = new Map<string, 'error' | 'warning'>();
  for (const issue of issues) {
    if (!issue.nodeId) continue;
    if (issue.severity === 'error' || !result.has(issue.nodeId)) result.set(issue.nodeId, issue.severity);
  }
  return result;
}

/**
 * React Flow's view of the flow. `previous` lets unchanged nodes keep their object identity, so
 * memoised cards do not re-render on every edit.
 */
export function toCanvasNodes(input: CanvasInput, previous: ReadonlyMap<string, CanvasNode>): CanvasNode[] {
  const selected = new Set(input.selection.nodeIds);
  const severities = severityByNode(input.issues);
  return input.flow.nodes.map((node) => {
    const severity = severities.get(node.id) ?? null;
    const active = node.id === input.activeNodeId;
    const isSelected = selected.has(node.id);
    const size = input.sizes[node.id];
    const old = previous.get(node.id);
    if (
      old &&
      old.data.node === node &&
      old.data.severity === severity &&
      old.data.active === active &&
      old.data.locale === input.locale &&
      old.selected === isSelected &&
      old.measured?.width === size?.width &&
      old.measured?.height === size?.height
    ) {
      return old;
    }
    return {
      id: node.id,
      type: node.type,
      position: node.position,
      data: { node, locale: input.locale, severity, active },
      selected: isSelected,
      deletable: node.type !== 'start',
      ...(size ? { measured: size } : {}),
    };
  });
}

export function toCanvasEdges(input: Pick<CanvasInput, 'flow' | 'selection'>): CanvasEdge[] {
  const selected = new Set(input.selection.edgeIds);
  return input.flow.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: edge.target,
    targetHandle: null,
    selected: selected.has(edge.id),
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
  }));
}
