import type { FlowNode } from '@switchboard/engine/schema';
import type { Meta } from '../../../api/schemas';

export interface FormContext {
  locales: readonly string[];
  /** Variable names `{{…}}` can use. */
  variables: readonly string[];
  meta: Meta | undefined;
  /** Intent names declared in this flow and across the bot. */
  intents: readonly string[];
  /** Ids of the other nodes in this flow (jump targets). */
  nodeIds: readonly string[];
}

export interface NodeFormProps<T extends FlowNode> {
  node: T;
  /** Replaces the node's data; edits with the same `field` coalesce into one undo step. */
  update: (data: T['data'], field: string) => void;
  ctx: FormContext;
}
