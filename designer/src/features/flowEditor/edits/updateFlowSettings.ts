import type { Flow } from '@switchboard/engine/schema';

export type FlowSettingsPatch = Partial<Pick<Flow, 'description' | 'locales' | 'triggers' | 'intents' | 'variables' | 'settings'>>;

/** Changes the flow-wide settings the inspector shows when no node is selected. */
export function updateFlowSettings(flow: Flow, args: { patch: FlowSettingsPatch }): Flow {
  return Object.keys(args.patch).length === 0 ? flow : { ...flow, ...args.patch };
}
