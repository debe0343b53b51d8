import type { Json } from '@switchboard/engine/schema';
import type { PublicUser } from '../auth/authService.js';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import type { OperatorPlan, RunOperatorTurn } from '../conversations/createOperatorTurns.js';
import { AppError, badRequest, notFound } from '../http/AppError.js';
import type { Conversation, ConversationStatus, NewOutbound, Store, StoredMessage } from '../store/types.js';
import { templateParameterCount, type QuickReply, type Template } from './catalogSchemas.js';
import type { CatalogService } from './createCatalogService.js';
import { collectedVars, isWindowOpen, toConsentView, toHistory, toSummary, windowEndOf, type ConversationSummary } from './conversationView.js';
import { describeContent } from './describeMessage.js';
import { expandVariables } from './expandVariables.js';
import type { RealtimeHub } from './createRealtimeHub.js';

export type ReplyInput = { text: string } | { quickReply: string } | { template: { name: string; language: string; parameters: string[] } };

const conflict = (code: string, message: string, details?: unknown) => new AppError({ code, message, httpStatus: 409, details });
const OPEN: readonly ConversationStatus[] = ['queued', 'assigned'];

/**
 * The operators' use cases: the inbox lists and the conversation view, and every state change
 * (claim, transfer, reply, note, label, resolve, return to the bot) with its guards. Each change
 * is an operator turn, decided from the state read under the conversation's lease.
 */
export function createInboxService(deps: {
  store: Store;
  bots: BotRegistry;
  clock: () => number;
  runTurn: RunOperatorTurn;
  hub: RealtimeHub;
  quickReplies: CatalogService<QuickReply>;
  templates: CatalogService<Template>;
  /** Called when operators' capacity may have freed up (auto-assign). */
  onCapacityChanged?: () => void;
}) {
  const { store } = deps;

  async function conversationOf(id: string): Promise<Conversation> {
    const conversation = await store.getConversation(id);
    if (!conversation || conversation.channel === 'webchat') throw notFound('Conversation');
    return conversation;
  }

  /** Only the assignee (or an admin) may act on a conversation a person holds. */
  function assertMayAct(c: Conversation, user: PublicUser): void {
    if (c.status === 'assigned' && c.assigneeId !== user.id && user.role !== 'admin') {
      throw conflict('inbox/not-yours', 'Another operator holds this conversation.', { assigneeId: c.assigneeId });
    }
  }

  function assertOpen(c: Conversation): void {
    if (!OPEN.includes(c.status)) throw conflict('inbox/not-open', `The conversation is ${c.status}, not waiting for or held by a person.`, { status: c.status });
  }

  async function variablesFor(c: Conversation, user: PublicUser): Promise<Record<string, Json>> {
    const bot = deps.bots.current();
    return {
      ...collectedVars(c),
      name: c.profileName ?? '',
      phone: `+${c.customerId}`,
      operator: user.name,
      business: bot?.settings.business.name ?? '',
    };
  }

  async function templateMessage(c: Conversation, input: { name: string; language: string; parameters: string[] }, now: number): Promise<NewOutbound['content']> {
    const entry = await deps.templates.findByKey(`${input.name}:${input.language}`);
    if (!entry) throw badRequest('template/unknown', `No template ${input.name} in ${input.language}.`);
    if (entry.value.status !== 'approved') throw conflict('template/not-approved', `Template ${input.name} is ${entry.value.status}; only approved templates are sent.`);
    const expected = templateParameterCount(entry.value.body);
    if (input.parameters.length !== expected) throw badRequest('template/parameters', `Template ${input.name} takes ${expected} parameter(s), not ${input.parameters.length}.`);
    if (!isWindowOpen(c, now)) {
      const consent = await store.getConsent(c.channel, c.businessNumberId, c.customerId);
      if (consent?.state !== 'in') {
        throw conflict(
          consent?.state === 'out' ? 'consent/opted-out' : 'consent/not-opted-in',
          consent?.state === 'out'
            ? 'The customer opted out (wrote STOP); templates are not sent to them until they opt in again.'
            : 'The customer has not opted in to messages from the business; record their consent before sending a template.',
        );
      }
    }
    return { kind: 'template', name: entry.value.name, language: entry.value.language, parameters: input.parameters };
  }

  async function list(filter: { view: 'queue' | 'mine' | 'all'; user: PublicUser; status?: ConversationStatus[]; queue?: string; label?: string }): Promise<(ConversationSummary & { preview: string | null })[]> {
    const status = filter.view === 'queue' ? ['queued' as const] : filter.view === 'mine' ? ['assigned' as const] : filter.status;
    const now = deps.clock();
    const conversations = (await store.listConversations({ ...(status?.length ? { status } : {}), channel: 'whatsapp', limit: 500 })).filter(
      (c) =>
        (filter.view !== 'mine' || c.assigneeId === filter.user.id) &&
        (filter.queue === undefined || c.queue === filter.queue) &&
        (filter.label === undefined || c.labels.includes(filter.label)),
    );
    if (filter.view === 'queue') conversations.sort((a, b) => (a.handoffAt ?? a.updatedAt) - (b.handoffAt ?? b.updatedAt));
    return Promise.all(
      conversations.slice(0, 200).map(async (c) => {
        const shown = previewMessage(await store.listMessages(c.id, { limit: PREVIEW_LOOKBACK }));
        return { ...toSummary(c, now), preview: shown ? describeContent(shown.direction, shown.content) : null };
      }),
    );
  }

  async function view(id: string) {
    const c = await conversationOf(id);
    const now = deps.clock();
    const [messages, notes, consent] = await Promise.all([store.listMessages(id, { limit: 500 }), store.listNotes(id), store.getConsent(c.channel, c.businessNumberId, c.customerId)]);
    return {
      conversation: toSummary(c, now),
      contact: { name: c.profileName, phone: `+${c.customerId}`, labels: c.labels, collected: collectedVars(c), consent: toConsentView(consent) },
      window: { endsAt: windowEndOf(c), open: isWindowOpen(c, now) },
      history: toHistory(messages, notes),
    };
  }

  const turn = async (id: string, decide: (c: Conversation) => OperatorPlan | Promise<OperatorPlan>) => {
    await conversationOf(id);
    const result = await deps.runTurn(id, decide);
    return { conversation: toSummary(result.conversation, deps.clock()), messages: result.outbound.map((m) => m.id) };
  };

  const event = (type: string, user: PublicUser, data: Record<string, string | number | null> = {}) => ({ type, at: deps.clock(), flowId: null, nodeId: null, data: { operatorId: user.id, ...data } });

  return {
    list,
    view,
    /** Operators (and admins) with whether they are online, for transfers. */
    async operators() {
      const present = new Set(await store.presentUsers(deps.clock()));
      const users = (await store.listUsers()).filter((u) => !u.disabled && u.role !== 'analyst');
      return users.map((u) => ({ id: u.id, name: u.name, role: u.role, online: present.has(u.id) }));
    },
    async quickRepliesFor(id: string, user: PublicUser) {
      const c = await conversationOf(id);
      const vars = await variablesFor(c, user);
      return (await deps.quickReplies.list()).map((q) => ({ id: q.id, shortcut: q.value.shortcut, text: q.value.text, expanded: expandVariables(q.value.text, vars) }));
    },
    claim: (id: string, user: PublicUser) =>
      turn(id, (c) => {
        if (c.status === 'assigned' && c.assigneeId === user.id) return { skip: true };
        if (c.status === 'assigned') throw conflict('inbox/already-claimed', 'Another operator claimed this conversation first.', { assigneeId: c.assigneeId });
        if (c.status !== 'queued') throw conflict('inbox/not-queued', `The conversation is ${c.status}, not waiting in a queue.`, { status: c.status });
        return { patch: { status: 'assigned', assigneeId: user.id }, events: [event('inbox.claimed', user, { waitMs: c.handoffAt === null ? null : deps.clock() - c.handoffAt })] };
      }),
    async transfer(id: string, user: PublicUser, to: { operatorId: string } | { queue: string }) {
      if ('operatorId' in to) {
        const target = await store.getUser(to.operatorId);
        if (!target || target.disabled || target.role === 'analyst') throw badRequest('inbox/unknown-operator', 'No active operator with that id.');
      }
      const result = await turn(id, (c) => {
        assertOpen(c);
        assertMayAct(c, user);
        if ('operatorId' in to) return { patch: { status: 'assigned', assigneeId: to.operatorId }, events: [event('inbox.transferred', user, { to: to.operatorId })] };
        return { patch: { status: 'queued', assigneeId: null, queue: to.queue, handoffAt: c.handoffAt ?? deps.clock() }, events: [event('inbox.transferred', user, { queue: to.queue })] };
      });
      deps.onCapacityChanged?.();
      return result;
    },
    async reply(id: string, user: PublicUser, input: ReplyInput) {
      return turn(id, async (c) => {
        assertMayAct(c, user);
        const now = deps.clock();
        let content: NewOutbound['content'];
        if ('template' in input) {
          content = await templateMessage(c, input.template, now);
        } else {
          if (!isWindowOpen(c, now)) {
            throw conflict('inbox/window-closed', 'The 24-hour customer-service window is closed: pick an approved template instead.', { windowEndsAt: windowEndOf(c) });
          }
          let text: string;
          if ('quickReply' in input) {
            const entry = await deps.quickReplies.findByKey(input.quickReply.replace(/^\//, '').toLowerCase());
            if (!entry) throw badRequest('quickReply/unknown', `No quick reply /${input.quickReply}.`);
            text = expandVariables(entry.value.text, await variablesFor(c, user));
          } else text = input.text;
          content = { kind: 'text', text };
        }
        const takeOver = c.status !== 'assigned' || c.assigneeId !== user.id;
        return {
          ...(takeOver ? { patch: { status: 'assigned' as const, assigneeId: user.id } } : {}),
          outbound: [{ sender: 'operator', operatorId: user.id, content }],
          events: [event('inbox.reply', user)],
        };
      });
    },
    async note(id: string, user: PublicUser, text: string) {
      await conversationOf(id);
      const note = await store.addNote({ conversationId: id, operatorId: user.id, text, at: deps.clock() });
      deps.hub.publish({ type: 'message', conversationId: id, data: { note } });
      return note;
    },
    async recordConsent(id: string, user: PublicUser, state: 'in' | 'out') {
      const c = await conversationOf(id);
      const record = { channel: c.channel, businessNumberId: c.businessNumberId, customerId: c.customerId, state, source: `operator:${user.id}`, at: deps.clock() };
      await store.setConsent(record);
      deps.hub.publish({ type: 'conversation', conversationId: id, data: { consent: toConsentView(record) } });
      return toConsentView(record);
    },
    labels: (id: string, user: PublicUser, change: { add: string[]; remove: string[] }) =>
      turn(id, (c) => ({
        patch: { labels: [...new Set([...c.labels, ...change.add])].filter((l) => !change.remove.includes(l)) },
        events: [event('inbox.labels', user, { add: change.add.join(','), remove: change.remove.join(',') })],
      })),
    async resolve(id: string, user: PublicUser) {
      const result = await turn(id, (c) => {
        assertOpen(c);
        assertMayAct(c, user);
        return { patch: { status: 'closed', assigneeId: null }, events: [event('inbox.resolved', user)] };
      });
      deps.onCapacityChanged?.();
      return result;
    },
    async returnToBot(id: string, user: PublicUser, at: { flowId?: string; nodeId?: string }) {
      const bot = deps.bots.current();
      if (at.flowId !== undefined) {
        const flow = bot?.flows.get(at.flowId);
        if (!flow) throw badRequest('inbox/unknown-flow', `No published flow ${at.flowId}.`);
        if (at.nodeId !== undefined && !flow.flow.nodes.some((n) => n.id === at.nodeId)) throw badRequest('inbox/unknown-node', `Flow ${at.flowId} has no node ${at.nodeId}.`);
      } else if (at.nodeId !== undefined) throw badRequest('inbox/unknown-node', 'Name the flow of the node.');
      const result = await turn(id, (c) => {
        if (c.status === 'bot') throw conflict('inbox/not-open', 'The bot already has this conversation.', { status: c.status });
        assertMayAct(c, user);
        return {
          patch: { status: 'bot', assigneeId: null, queue: null, handoffReason: null, handoffAt: null },
          events: [event('inbox.returned', user, { flowId: at.flowId ?? null, nodeId: at.nodeId ?? null })],
          resume: { ...(at.flowId ? { flowId: at.flowId } : {}), ...(at.nodeId ? { nodeId: at.nodeId } : {}) },
        };
      });
      deps.onCapacityChanged?.();
      return result;
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;

/** How many of a conversation's latest messages the list looks through for its preview line. */
const PREVIEW_LOOKBACK = 5;

/**
 * The message a conversation list shows under the customer's name: the latest one, unless the bot
 * or the system wrote it, then the customer's latest among them. In a queue every row would
 * otherwise read the same away message ("We're closed right now…") instead of what the customer
 * asked; an operator's own reply still shows as the latest.
 *
 * @example previewMessage([{ sender: 'customer', … 'I need a human' }, { sender: 'bot', … }]) // the customer's message
 */
export function previewMessage<M extends Pick<StoredMessage, 'sender'>>(oldestFirst: readonly M[]): M | null {
  const last = oldestFirst.at(-1) ?? null;
  if (!last || last.sender === 'customer' || last.sender === 'operator') return last;
  return oldestFirst.findLast((m) => m.sender === 'customer') ?? last;
}
