import type { Flow, FlowIssue } from '../schema/index.js';
import type { FlowIndex } from './flowIndex.js';
import type { ResolvedContext } from './validationContext.js';

/** An issue before the flow id is stamped on it. */
export type IssueDraft = Omit<FlowIssue, 'flowId'>;

export interface FlowCheckInput {
  flow: Flow;
  index: FlowIndex;
  context: ResolvedContext;
  report: (issue: IssueDraft) => void;
}

/** One family of checks; it reports what it finds and returns nothing. */
export type FlowCheck = (input: FlowCheckInput) => void;
