import type { Bot, ConversationSnapshot } from './types.js';

/**
 * The node a conversation is waiting at, for showing it live in the designer.
 *
 * @example activeNode(bot, snapshot) // → { flowId: 'orders', nodeId: 'askOrder' } or null
 */
export function activeNode(bot: Bot, snapshot: ConversationSnapshot | null): { flowId: string; nodeId: string } | null {
  const position = snapshot?.position;
  if (!position || !bot.flows.get(position.flowId)?.nodes.has(position.nodeId)) return null;
  return { flowId: position.flowId, nodeId: position.nodeId };
}
