import type { Bot, ConversationSnapshot } from './types.js';

/**
 * The node a conversation is waiting at, for showing it live in the designer.
 *
 * @example activeNode(bot, snapshot) // → { flowId: 'orders', nodeId: 'askOrder' } or null
 */
export function activeNode(bot: Bot, snapshot: ConversationSnapshot | null): { flowId: string; nodeId: string } | null {
  if (!snapshot?.flowId) return null;
  const machine = snapshot.machine;
  if (machine === null || typeof machine !== 'object' || Array.isArray(machine)) return null;
  const value = machine.value;
  if (typeof value !== 'string' || !/^n\d+$/.test(value)) return null;
  const node = bot.flows.get(snapshot.flowId)?.flow.nodes[Number(value.slice(1))];
  return node ? { flowId: snapshot.flowId, nodeId: node.id } : null;
}
