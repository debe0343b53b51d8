import type { Json } from '../schema/index.js';
import { DONE, IDLE, isRestingNode, legacyIndexOfStateKey, nodeIdOfStateKey, toStateKey } from '../compile/position.js';
import type { Bot, CompiledFlow, ConversationSnapshot, ConversationPosition } from './types.js';

/** What became of a conversation's place in its flow under the bot being stepped. */
export type Restored =
  | { kind: 'none' }
  /** It continues where it was (`republished`: under a newer version of the flow than it was taken under). */
  | { kind: 'kept'; compiled: CompiledFlow; republished: boolean; fromVersion: string | null }
  /** Its node was deleted or changed type (`restarted`), or its flow is gone (`flowRemoved`). */
  | { kind: 'lost'; flowId: string; nodeId: string | null; outcome: 'restarted' | 'flowRemoved'; fromVersion: string | null };

export function machineValue(machine: Json | null): string | null {
  if (machine === null || typeof machine !== 'object' || Array.isArray(machine)) return null;
  return typeof machine.value === 'string' ? machine.value : null;
}

/**
 * Finds where a stored conversation stands in the bot's flows. The position is the node id: a
 * republish that reorders, moves or renames leaves it in place; a node that was deleted or now has
 * another type (or can no longer be waited at) loses it. A first-form position (`n<index>`) is read
 * by index only under the very bot it was taken with. Rewrites `snap.machine` to the node's state
 * key when it was stored in the first form.
 */
export function restorePosition(bot: Bot, snap: ConversationSnapshot): Restored {
  const flowId = snap.flowId;
  if (!flowId) return { kind: 'none' };
  const fromVersion = snap.position?.flowVersion ?? null;
  const compiled = bot.flows.get(flowId);
  if (!compiled) return { kind: 'lost', flowId, nodeId: snap.position?.nodeId ?? null, outcome: 'flowRemoved', fromVersion };
  const value = machineValue(snap.machine);
  if (value === null || value === IDLE || value === DONE) return { kind: 'kept', compiled, republished: false, fromVersion };

  let nodeId = nodeIdOfStateKey(value);
  if (nodeId === null) {
    const index = legacyIndexOfStateKey(value);
    const legacy = index !== null && snap.botVersion === bot.version ? compiled.flow.nodes[index] : undefined;
    if (!legacy) return { kind: 'lost', flowId, nodeId: null, outcome: 'restarted', fromVersion };
    nodeId = legacy.id;
    snap.machine = { ...asRecord(snap.machine), value: toStateKey(nodeId) };
  }
  const node = compiled.nodes.get(nodeId);
  const typeBefore = snap.position?.nodeType;
  if (!node || !isRestingNode(node) || (typeBefore !== undefined && typeBefore !== node.type)) {
    return { kind: 'lost', flowId, nodeId, outcome: 'restarted', fromVersion };
  }
  return { kind: 'kept', compiled, republished: fromVersion !== null && fromVersion !== compiled.version, fromVersion };
}

/** The position to store after a step: the node the active flow rests at, under the bot's version of it. */
export function positionOf(bot: Bot, snap: ConversationSnapshot): ConversationPosition | null {
  if (!snap.flowId) return null;
  const compiled = bot.flows.get(snap.flowId);
  const value = machineValue(snap.machine);
  const nodeId = value === null ? null : nodeIdOfStateKey(value);
  const node = nodeId === null ? undefined : compiled?.nodes.get(nodeId);
  if (!compiled || !node) return null;
  return { flowId: compiled.flow.id, nodeId: node.id, nodeType: node.type, flowVersion: compiled.version };
}

function asRecord(value: Json | null): { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
