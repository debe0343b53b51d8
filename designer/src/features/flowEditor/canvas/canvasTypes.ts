import type { FlowNode } from '@switchboard/engine/schema';
import type { Edge, Node } from '@xyflow/react';

export type CanvasNodeData = {
  node: FlowNode;
  locale: string;
  /** The worst validation issue on the node, if any. */
  severity: 'error' | 'warning' | null;
  /** Whether the preview conversation sits on this node. */
  active: boolean;
};

export type CanvasNode = Node<CanvasNodeData>;
export type CanvasEdge = Edge;
