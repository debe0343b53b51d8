/** Stable codes for everything `validateFlow` and `compileBot` can report. */
export const FLOW_ISSUE_CODES = [
  'flow/invalid-document',
  'flow/unsupported-version',
  'flow/missing-start',
  'flow/multiple-start',
  'flow/duplicate-node-id',
  'flow/duplicate-edge-id',
  'flow/duplicate-handle-id',
  'flow/dangling-edge',
  'flow/unknown-handle',
  'flow/handle-multiple-edges',
  'flow/unconnected-handle',
  'flow/unreachable-node',
  'flow/unknown-jump-target',
  'flow/unknown-action',
  'flow/unknown-variable',
  'flow/unknown-intent',
  'flow/too-many-buttons',
  'flow/button-title-too-long',
  'flow/buttons-and-list',
  'flow/too-many-list-rows',
  'flow/list-row-title-too-long',
  'flow/text-too-long',
  'flow/invalid-regex',
  'flow/unsafe-regex',
  'flow/infinite-loop',
  'flow/missing-translation',
  'flow/too-few-examples',
  'flow/duplicate-flow-id',
  'flow/empty-text',
  'flow/edge-into-start',
  'flow/list-row-description-too-long',
  'flow/list-button-too-long',
  'flow/empty-list',
] as const;
export type FlowIssueCode = (typeof FLOW_ISSUE_CODES)[number];

export interface FlowIssue {
  code: FlowIssueCode;
  severity: 'error' | 'warning';
  message: string;
  flowId?: string;
  nodeId?: string;
  edgeId?: string;
  /** Where in the document, e.g. `nodes.3.data.buttons.0.title.en`. */
  path?: string;
}

export const hasErrors = (issues: readonly FlowIssue[]): boolean => issues.some((i) => i.severity === 'error');
