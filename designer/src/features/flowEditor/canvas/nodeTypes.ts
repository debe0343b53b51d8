import { NODE_TYPES } from '@switchboard/engine/schema';
import type { NodeTypes } from '@xyflow/react';
import { NodeCard } from './NodeCard';

/** Every node type renders with the same card; defined once so React Flow never remounts nodes. */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_TYPES.map((type) => [type, NodeCard]));
