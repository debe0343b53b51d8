import type { Flow } from '@switchboard/engine/schema';
import { canConnect, type ConnectionRequest } from './canConnect';
import { uniqueId } from './uniqueId';

/** Draws an edge from a node's handle to another node; a connection `canConnect` refuses changes nothing. */
export function connect(flow: Flow, connection: ConnectionRequest): Flow {
  if (!canConnect(flow, connection).ok || !connection.sourceHandle) return flow;
  const id = uniqueId(`e-${connection.source}-${connection.sourceHandle}`, new Set(flow.edges.map((e) => e.id)));
  const edge = { id, source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target };
  return { ...flow, edges: [...flow.edges, edge] };
}
