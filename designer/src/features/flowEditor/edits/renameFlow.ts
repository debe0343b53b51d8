import type { Flow } from '@switchboard/engine/schema';

/** Renames the flow; blank names are refused (the schema needs one). */
export function renameFlow(flow: Flow, args: { name: string }): Flow {
  const name = args.name.trim().slice(0, 120);
  if (!name || name === flow.name) return flow;
  return { ...flow, name };
}
