import type { Json } from '@switchboard/engine';

export interface ActionResult {
  status: 'ok' | 'notFound' | 'error';
  data?: Json;
}

/** A backend action a flow's `action` node can call by name. Never throws: failures are `error` results. */
export type ActionHandler = (input: Record<string, Json>, signal: AbortSignal) => Promise<ActionResult>;

export type ActionRegistry = ReadonlyMap<string, ActionHandler>;
