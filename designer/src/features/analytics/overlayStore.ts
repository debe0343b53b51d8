import { create } from 'zustand';
import type { FlowStats } from './statsApi';

export interface NodeTraffic {
  visits: number;
  dropOff: number;
  dropOffRate: number | null;
}

interface OverlayState {
  enabled: boolean;
  days: number;
  /** Per node id of the flow on the canvas; empty while off or loading. */
  nodes: ReadonlyMap<string, NodeTraffic>;
  /** Per "source→target" of the flow on the canvas. */
  edges: ReadonlyMap<string, number>;
  setEnabled(enabled: boolean): void;
  setDays(days: number): void;
  show(stats: FlowStats | null): void;
}

export const edgeKey = (source: string, target: string) => `${source}→${target}`;

/** The editor's analytics overlay: whether it is on, for how many days, and what it shows. */
export const useFlowOverlay = create<OverlayState>((set) => ({
  enabled: false,
  days: 7,
  nodes: new Map(),
  edges: new Map(),
  setEnabled: (enabled) => set(enabled ? { enabled } : { enabled, nodes: new Map(), edges: new Map() }),
  setDays: (days) => set({ days }),
  show: (stats) =>
    set({
      nodes: new Map((stats?.nodes ?? []).map((n) => [n.nodeId, { visits: n.visits, dropOff: n.dropOff, dropOffRate: n.dropOffRate }])),
      edges: new Map((stats?.edges ?? []).map((e) => [edgeKey(e.source, e.target), e.n])),
    }),
}));
