import type { FlowNode } from '../schema/index.js';

/**
 * Where a conversation rests in a flow's machine, as stored in its snapshot. Node states are keyed
 * by the node's id, never by its place in the flow's `nodes` array, so a publish that reorders
 * nodes leaves every waiting conversation where it was. This module is the one place that turns
 * node ids into state keys and back.
 */

/** The state before a flow's first node; a conversation passes through it within one step. */
export const IDLE = 'idle';
/** The final state: the flow ended (the conversation then leaves the flow in the same step). */
export const DONE = 'done';

const NODE_PREFIX = 'node:';
/** xstate reads "." as a path separator and a leading "#" as a state id; node ids may hold either. */
const ESCAPED = /[%.#]/g;
const escapeChar = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The machine state key of a node.
 *
 * @example toStateKey('askId') // → 'node:askId'; toStateKey('step.2') // → 'node:step%2E2'
 */
export function toStateKey(nodeId: string): string {
  return NODE_PREFIX + nodeId.replace(ESCAPED, escapeChar);
}

/**
 * The node id a state key stands for; null for `idle`, `done` and anything that is not a node key.
 *
 * @example nodeIdOfStateKey('node:step%2E2') // → 'step.2'
 */
export function nodeIdOfStateKey(key: string): string | null {
  if (!key.startsWith(NODE_PREFIX)) return null;
  if (!key.includes('%')) return key.slice(NODE_PREFIX.length);
  try {
    return decodeURIComponent(key.slice(NODE_PREFIX.length));
  } catch {
    return null;
  }
}

/**
 * The node index of a state key written before positions were kept by node id (`n3`); only ever
 * read, to carry a conversation across that upgrade when the bot it was taken under is unchanged.
 */
export function legacyIndexOfStateKey(key: string): number | null {
  return /^n\d+$/.test(key) ? Number(key.slice(1)) : null;
}

/**
 * Whether a conversation can come to rest at this node, waiting for the customer, a backend answer
 * or a timer. Every other node acts on entry and moves on within the same step.
 */
export function isRestingNode(node: FlowNode): boolean {
  switch (node.type) {
    case 'message':
      return (node.data.buttons?.length ?? 0) + (node.data.list?.rows.length ?? 0) > 0;
    case 'ask':
    case 'action':
    case 'wait':
      return true;
    case 'start':
    case 'route':
    case 'set':
    case 'tag':
    case 'handoff':
    case 'jump':
    case 'template':
    case 'end':
      return false;
    default: {
      const unknown: never = node;
      throw new Error(`unhandled node ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * A short, stable fingerprint of a flow document, used as its version when the host names none
 * (drafts in the preview, tests). FNV-1a over the document's JSON.
 */
export function fingerprintFlow(doc: unknown): string {
  const text = JSON.stringify(doc);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `fp-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
