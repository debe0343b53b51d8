import type { Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { edgeKey, useFlowOverlay } from './overlayStore';

/** The canvas edges, labelled with their traffic and drawn thicker where more went through, while the overlay is on. */
export function useTrafficEdges<E extends Edge>(edges: E[]): E[] {
  const enabled = useFlowOverlay((s) => s.enabled);
  const traffic = useFlowOverlay((s) => s.edges);
  return useMemo(() => {
    if (!enabled) return edges;
    const max = Math.max(1, ...traffic.values());
    return edges.map((edge) => {
      const n = traffic.get(edgeKey(edge.source, edge.target)) ?? 0;
      return {
        ...edge,
        label: n.toLocaleString('en-US'),
        labelBgPadding: [4, 2] as [number, number],
        labelBgBorderRadius: 4,
        labelStyle: { fontSize: 11, fontWeight: 600 },
        style: { ...edge.style, strokeWidth: 1 + (4 * n) / max, opacity: n === 0 ? 0.4 : 1 },
        data: { ...edge.data, traffic: n },
      };
    });
  }, [edges, enabled, traffic]);
}
