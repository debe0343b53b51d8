import type { RunOperatorTurn } from '../conversations/createOperatorTurns.js';
import { AppError, badRequest, notFound } from '../http/AppError.js';
import type { ApiKeyPrincipal } from '../http/route.js';
import { templateParameterCount, type Template } from '../inbox/catalogSchemas.js';
import type { CatalogService } from '../inbox/createCatalogService.js';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import type { NewOutbound, Store } from '../store/types.js';

export interface NotificationInput {
  /** The customer's WhatsApp number with the country code (a leading "+" and spaces are ignored). */
  to: string;
  template: { name: string; language: string; parameters: string[] };
  /** Where the customer's reply should land: the flow (and node) the conversation waits at. */
  replyFlow?: { flowId: string; nodeId?: string | undefined } | undefined;
}

const conflict = (code: string, message: string) => new AppError({ code, message, httpStatus: 409 });

/**
 * Notifications from the business's own systems ("your order has shipped"): an approved template
 * sent to an opted-in contact through the outbox, tracked like any message. With `replyFlow` the
 * conversation is set to wait in that flow, so the customer's answer lands there.
 */
export function createNotificationService(deps: {
  store: Store;
  bots: BotRegistry;
  clock: () => number;
  runTurn: RunOperatorTurn;
  templates: CatalogService<Template>;
  /** The business number notifications go out from (WHATSAPP_PHONE_NUMBER_ID). */
  businessNumberId: string | undefined;
}) {
  const phoneOf = (raw: string): string => {
    const digits = raw.replace(/[\s()+-]/g, '');
    if (!/^\d{6,15}$/.test(digits)) throw badRequest('notifications/bad-number', 'The number must be digits with the country code, e.g. "+15550002222".');
    return digits;
  };
  const numberId = (): string => {
    if (!deps.businessNumberId) throw new AppError({ code: 'notifications/channel-off', message: 'Set WHATSAPP_PHONE_NUMBER_ID to send notifications.', httpStatus: 503 });
    return deps.businessNumberId;
  };

  return {
    async send(input: NotificationInput, by: ApiKeyPrincipal | null) {
      const customerId = phoneOf(input.to);
      const businessNumberId = numberId();
      const entry = await deps.templates.findByKey(`${input.template.name}:${input.template.language}`);
      if (!entry) throw badRequest('template/unknown', `No template ${input.template.name} in ${input.template.language}.`);
      if (entry.value.status !== 'approved') throw conflict('template/not-approved', `Template ${input.template.name} is ${entry.value.status}; only approved templates are sent.`);
      const expected = templateParameterCount(entry.value.body);
      if (input.template.parameters.length !== expected) throw badRequest('template/parameters', `Template ${input.template.name} takes ${expected} parameter(s), not ${input.template.parameters.length}.`);
      const consent = await deps.store.getConsent('whatsapp', businessNumberId, customerId);
      if (consent?.state === 'out') throw conflict('consent/opted-out', 'The contact opted out (wrote STOP); nothing is sent until they opt in again.');
      if (consent?.state !== 'in') throw conflict('consent/not-opted-in', 'The contact has not opted in; record their consent (POST /api/notifications/consent) first.');
      if (input.replyFlow) {
        const flow = deps.bots.current()?.flows.get(input.replyFlow.flowId);
        if (!flow) throw badRequest('notifications/unknown-flow', `No published flow ${input.replyFlow.flowId}.`);
        if (input.replyFlow.nodeId !== undefined && !flow.flow.nodes.some((n) => n.id === input.replyFlow?.nodeId)) {
          throw badRequest('notifications/unknown-node', `Flow ${input.replyFlow.flowId} has no node ${input.replyFlow.nodeId}.`);
        }
      }
      const conversation = await deps.store.ensureConversation({ channel: 'whatsapp', businessNumberId, customerId, profileName: null }, deps.clock());
      const message: NewOutbound = { sender: 'system', content: { kind: 'template', name: entry.value.name, language: entry.value.language, parameters: input.template.parameters } };
      const event = { type: 'notification.sent', at: deps.clock(), flowId: input.replyFlow?.flowId ?? null, nodeId: null, data: { template: entry.value.name, apiKeyId: by?.id ?? null } };
      const result = await deps.runTurn(conversation.id, (c) => {
        const botHasIt = c.status === 'bot' || c.status === 'closed';
        if (!input.replyFlow || !botHasIt) return { outbound: [message], events: [event] };
        // The template stands in for whatever the flow would say on entry; the flow then waits for the reply.
        return {
          patch: { status: 'bot', assigneeId: null, queue: null },
          events: [event],
          resume: { flowId: input.replyFlow.flowId, ...(input.replyFlow.nodeId ? { nodeId: input.replyFlow.nodeId } : {}) },
          replaceBotSends: [message],
        };
      });
      const sent = result.outbound.find((m) => m.sender === 'system');
      if (!sent) throw new Error('the notification was not queued');
      return { id: sent.id, conversationId: conversation.id, state: sent.state };
    },
    async status(id: string) {
      const message = await deps.store.getMessage(id);
      if (!message || message.direction !== 'out' || message.sender !== 'system') throw notFound('Notification');
      return { id: message.id, conversationId: message.conversationId, state: message.state, statusAt: message.statusAt, error: message.error };
    },
    async recordConsent(input: { to: string; state: 'in' | 'out'; source: string }) {
      const customerId = phoneOf(input.to);
      const record = { channel: 'whatsapp' as const, businessNumberId: numberId(), customerId, state: input.state, source: input.source, at: deps.clock() };
      await deps.store.setConsent(record);
      return record;
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
