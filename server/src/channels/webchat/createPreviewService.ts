import { randomUUID } from 'node:crypto';
import { activeNode, compileBot, initialSnapshot, parseFlow, type Bot, type ConversationSnapshot, type Flow, type InboundContent, type OutboundMessage, type TraceEntry } from '@switchboard/engine';
import type { ActionRegistry } from '../../actions/types.js';
import { readBotSettings } from '../../bot/botSettings.js';
import { runBotTurn } from '../../conversations/runBotTurn.js';
import { AppError, notFound } from '../../http/AppError.js';
import type { Store } from '../../store/types.js';

interface Session {
  id: string;
  userId: string;
  bot: Bot;
  snapshot: ConversationSnapshot | null;
  lastUsed: number;
  seq: number;
}

export interface PreviewReply {
  sessionId: string;
  replies: OutboundMessage[];
  trace: TraceEntry[];
  activeNode: { flowId: string; nodeId: string } | null;
  handoff: boolean;
  ended: boolean;
}

const SESSION_IDLE_MS = 30 * 60 * 1000;
const MAX_SESSIONS = 500;

/**
 * The designer's preview channel: the same engine and actions as WhatsApp, run on the current drafts
 * (with an unsaved draft in place of its stored one), in memory, answering synchronously.
 */
export function createPreviewService(deps: { store: Store; actions: ActionRegistry; clock: () => number }) {
  const sessions = new Map<string, Session>();

  function sweep(now: number): void {
    for (const [id, s] of sessions) if (now - s.lastUsed > SESSION_IDLE_MS) sessions.delete(id);
    while (sessions.size >= MAX_SESSIONS) {
      const oldest = sessions.keys().next().value;
      if (oldest === undefined) break;
      sessions.delete(oldest);
    }
  }

  async function buildBot(flowId: string, draft: unknown): Promise<Bot> {
    const records = (await deps.store.listFlows()).filter((r) => r.deletedAt === null);
    let main: unknown = draft;
    if (main === undefined) {
      const stored = records.find((r) => r.id === flowId);
      if (!stored) throw notFound(`Flow "${flowId}"`);
      main = stored.draft;
    }
    const parsed = parseFlow(main);
    if (!parsed.ok) throw new AppError({ code: 'flow/invalid', message: 'The flow document is not valid.', httpStatus: 400, details: { issues: parsed.issues } });
    const others = new Map<string, Flow>();
    for (const r of records) {
      const p = parseFlow(r.draft);
      if (p.ok && p.flow.id !== parsed.flow.id) others.set(p.flow.id, p.flow);
    }
    const settings = await readBotSettings(deps.store);
    // Only the previewed flow and the flows it can reach matter; a broken, unrelated draft must not
    // block the preview. The main flow ("menu") comes along when it compiles.
    const reach = reachableFlows(parsed.flow, others);
    const mainFlow = settings.mainFlowId ? others.get(settings.mainFlowId) : undefined;
    const withMain = mainFlow && !reach.some((f) => f.id === mainFlow.id) ? [...reach, ...reachableFlows(mainFlow, others).filter((f) => !reach.some((r) => r.id === f.id))] : reach;
    const attempt = (flows: Flow[]) =>
      compileBot({
        flows: [parsed.flow, ...flows],
        settings: { ...settings, mainFlowId: settings.mainFlowId && [parsed.flow, ...flows].some((f) => f.id === settings.mainFlowId) ? settings.mainFlowId : undefined },
        actions: [...deps.actions.keys()],
        version: `preview-${randomUUID()}`,
      });
    let result = attempt(withMain);
    if (!result.ok && withMain !== reach) result = attempt(reach);
    if (!result.ok) {
      throw new AppError({ code: 'flow/has-errors', message: 'Fix the errors in the flow to preview it.', httpStatus: 422, details: { issues: result.issues } });
    }
    return result.bot;
  }

  async function turn(session: Session, input: Parameters<typeof runBotTurn>[0]['inbound']): Promise<PreviewReply> {
    const now = deps.clock();
    session.lastUsed = now;
    const result = await runBotTurn({ bot: session.bot, snapshot: session.snapshot, inbound: input, now, profile: { name: 'Preview', phone: '10000000000' }, actions: deps.actions, actionTimeoutMs: 5000 });
    session.snapshot = result.snapshot;
    const handoff = result.effects.some((e) => e.type === 'handoff');
    return {
      sessionId: session.id,
      replies: result.effects.flatMap((e) => (e.type === 'send' ? [e.message] : [])),
      trace: result.trace,
      activeNode: activeNode(session.bot, result.snapshot),
      handoff,
      ended: result.effects.some((e) => e.type === 'end') || handoff,
    };
  }

  return {
    async start(input: { flowId: string; draft?: unknown; locale?: string; userId: string }): Promise<PreviewReply> {
      const now = deps.clock();
      sweep(now);
      const bot = await buildBot(input.flowId, input.draft);
      const session: Session = { id: randomUUID(), userId: input.userId, bot, snapshot: null, lastUsed: now, seq: 0 };
      // The analyst picked the customer's language: it is known from the start, as a customer's first words would make it.
      if (input.locale) session.snapshot = { ...initialSnapshot(bot), locale: input.locale, localeSettled: true, lastInboundAt: now };
      sessions.set(session.id, session);
      return turn(session, { type: 'resume', flowId: input.flowId });
    },
    async send(input: { sessionId: string; userId: string; content: InboundContent }): Promise<PreviewReply> {
      const session = sessions.get(input.sessionId);
      if (!session || session.userId !== input.userId) throw notFound('Preview session');
      session.seq += 1;
      // The preview has no operators: after a handoff the bot simply answers the next message.
      return turn(session, { type: 'message', id: `preview.${session.seq}`, content: input.content });
    },
    end(sessionId: string, userId: string): void {
      const session = sessions.get(sessionId);
      if (session?.userId === userId) sessions.delete(sessionId);
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;

/** The flows a flow can jump to, directly or through others (not including itself). */
function reachableFlows(start: Flow, others: ReadonlyMap<string, Flow>): Flow[] {
  const seen = new Map<string, Flow>();
  const queue = [start];
  while (queue.length > 0) {
    const flow = queue.shift();
    if (!flow) break;
    for (const node of flow.nodes) {
      if (node.type !== 'jump' || !node.data.flowId || node.data.flowId === start.id || seen.has(node.data.flowId)) continue;
      const target = others.get(node.data.flowId);
      if (!target) continue;
      seen.set(target.id, target);
      queue.push(target);
    }
  }
  return [...seen.values()];
}
