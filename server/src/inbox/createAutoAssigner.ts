import type { RunOperatorTurn } from '../conversations/createOperatorTurns.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import { readInboxSettings } from './inboxSettings.js';

/**
 * Hands queued conversations, longest waiting first, to online operators round-robin, never giving
 * one more than the capacity setting. Runs are serialised in this process; across processes the
 * turn's own guard (still queued?) keeps a conversation from being given twice.
 */
export function createAutoAssigner(deps: { store: Store; clock: () => number; runTurn: RunOperatorTurn; logger: Logger; sweepMs?: number }) {
  let last: string | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function assignOnce(): Promise<number> {
    const settings = await readInboxSettings(deps.store);
    if (!settings.autoAssign) return 0;
    const now = deps.clock();
    const present = new Set(await deps.store.presentUsers(now));
    if (present.size === 0) return 0;
    const operators = (await deps.store.listUsers()).filter((u) => u.role === 'operator' && !u.disabled && present.has(u.id)).map((u) => u.id);
    if (operators.length === 0) return 0;
    const queued = (await deps.store.listConversations({ status: ['queued'], channel: 'whatsapp', limit: 500 })).sort(
      (a, b) => (a.handoffAt ?? a.updatedAt) - (b.handoffAt ?? b.updatedAt),
    );
    if (queued.length === 0) return 0;
    const load = new Map(operators.map((id) => [id, 0]));
    for (const c of await deps.store.listConversations({ status: ['assigned'], limit: 5000 })) {
      if (c.assigneeId !== null && load.has(c.assigneeId)) load.set(c.assigneeId, (load.get(c.assigneeId) ?? 0) + 1);
    }
    let assigned = 0;
    for (const conversation of queued) {
      const start = last === null ? 0 : (operators.indexOf(last) + 1) % operators.length;
      const order = [...operators.slice(start), ...operators.slice(0, start)];
      const next = order.find((id) => (load.get(id) ?? 0) < settings.capacity);
      if (!next) break;
      const result = await deps.runTurn(conversation.id, (c) =>
        c.status !== 'queued'
          ? { skip: true }
          : { patch: { status: 'assigned', assigneeId: next }, events: [{ type: 'inbox.autoAssigned', at: deps.clock(), flowId: null, nodeId: null, data: { operatorId: next } }] },
      );
      if (result.conversation.assigneeId === next) {
        load.set(next, (load.get(next) ?? 0) + 1);
        last = next;
        assigned += 1;
      }
    }
    return assigned;
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await assignOnce().catch((error: unknown) => deps.logger.error({ err: error }, 'auto-assign failed'));
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    /** Assigns what it can now (after a handoff, a resolve, an operator coming online). */
    run,
    /** Also sweeps every few seconds, for changes made by other processes. */
    start() {
      timer ??= setInterval(() => void run(), deps.sweepMs ?? 5_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type AutoAssigner = ReturnType<typeof createAutoAssigner>;
