import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewInbound, Store, TurnCommit } from './types.js';

/** Makes a fresh, empty store for one test and throws it away afterwards. */
export type StoreFactory = () => Promise<{ store: Store; dispose(): Promise<void> }>;

const T0 = 1_700_000_000_000;

function inbound(overrides: Partial<NewInbound> = {}): NewInbound {
  return {
    channel: 'whatsapp',
    businessNumberId: 'pn-1',
    customerId: '15550001',
    profileName: 'Ann',
    wamid: `wamid.${Math.random().toString(36).slice(2)}`,
    content: { type: 'text', text: 'hi' },
    at: T0,
    ...overrides,
  };
}

function turn(overrides: Partial<TurnCommit> & Pick<TurnCommit, 'conversationId' | 'turnKey'>): TurnCommit {
  return { expectedVersion: 0, snapshot: { node: 'start' }, outbound: [], events: [], scheduleTimers: [], cancelTimers: [], now: T0 + 1000, ...overrides };
}

/**
 * The behaviour every `Store` adapter must show. Run it from a test file with a factory that makes
 * a fresh store per test.
 */
export function describeStoreContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await factory());
    });
    afterEach(async () => {
      await dispose();
    });

    /** Stores one inbound message and returns it (with its conversation id). */
    async function receive(overrides: Partial<NewInbound> = {}) {
      const { inserted } = await store.insertInbound([inbound(overrides)], T0);
      const message = inserted[0];
      if (!message) throw new Error('nothing inserted');
      return message;
    }

    /** Commits one turn that queues `texts` as outbound messages for a new conversation's first message. */
    async function queueReplies(customerId: string, texts: string[]) {
      const message = await receive({ customerId });
      const result = await store.commitTurn(
        turn({
          conversationId: message.conversationId,
          turnKey: `in:${message.id}`,
          processedInboundId: message.id,
          outbound: texts.map((text) => ({ sender: 'bot', content: { text } })),
        }),
      );
      if (!result.ok) throw new Error(`commit failed: ${result.reason}`);
      return result.outbound;
    }

    describe('insertInbound', () => {
      it('stores messages and creates their conversation on the first one', async () => {
        const { inserted, duplicates } = await store.insertInbound([inbound({ wamid: 'w1' }), inbound({ wamid: 'w2', at: T0 + 1 })], T0 + 5);
        expect(duplicates).toBe(0);
        expect(inserted).toHaveLength(2);
        const [first, second] = inserted;
        expect(first).toMatchObject({ direction: 'in', sender: 'customer', wamid: 'w1', state: 'pending', content: { type: 'text', text: 'hi' }, at: T0 });
        expect(second?.seq).toBeGreaterThan(first?.seq ?? Infinity);
        expect(second?.conversationId).toBe(first?.conversationId);
        const conversation = await store.getConversation(first?.conversationId ?? '');
        expect(conversation).toMatchObject({
          channel: 'whatsapp',
          businessNumberId: 'pn-1',
          customerId: '15550001',
          profileName: 'Ann',
          status: 'bot',
          version: 0,
          snapshot: null,
          labels: [],
          lastInboundAt: T0 + 1,
        });
        expect(await store.findConversation('whatsapp', 'pn-1', '15550001')).toEqual(conversation);
      });

      it('skips a redelivered wamid and counts it as a duplicate', async () => {
        await store.insertInbound([inbound({ wamid: 'w1' })], T0);
        const again = await store.insertInbound([inbound({ wamid: 'w1' }), inbound({ wamid: 'w2' }), inbound({ wamid: 'w2' })], T0);
        expect(again.duplicates).toBe(2);
        expect(again.inserted.map((m) => m.wamid)).toEqual(['w2']);
        const conversation = await store.findConversation('whatsapp', 'pn-1', '15550001');
        expect(await store.listMessages(conversation?.id ?? '')).toHaveLength(2);
      });

      it('keeps the latest profile name and never moves lastInboundAt back', async () => {
        await store.insertInbound([inbound({ at: T0 + 100 })], T0);
        await store.insertInbound([inbound({ at: T0 + 50, profileName: 'Anna' })], T0);
        const conversation = await store.findConversation('whatsapp', 'pn-1', '15550001');
        expect(conversation?.profileName).toBe('Anna');
        expect(conversation?.lastInboundAt).toBe(T0 + 100);
      });

      it('keeps one conversation per channel, business number and customer', async () => {
        const a = await receive();
        const b = await receive({ customerId: 'other' });
        const c = await receive({ businessNumberId: 'pn-2' });
        const d = await receive({ channel: 'webchat' });
        const e = await receive();
        expect(new Set([a.conversationId, b.conversationId, c.conversationId, d.conversationId]).size).toBe(4);
        expect(e.conversationId).toBe(a.conversationId);
      });
    });

    describe('findWork and pending inbound', () => {
      it('lists conversations with pending inbound or due timers, oldest work first', async () => {
        const late = await receive({ customerId: 'late', at: T0 + 300 });
        const early = await receive({ customerId: 'early', at: T0 + 100 });
        const timed = await receive({ customerId: 'timed', at: T0 });
        await store.commitTurn(
          turn({ conversationId: timed.conversationId, turnKey: `in:${timed.id}`, processedInboundId: timed.id, scheduleTimers: [{ timerId: 'nudge', fireAt: T0 + 200 }] }),
        );
        expect(await store.findWork(T0 + 199, 10)).toEqual([early.conversationId, late.conversationId]);
        expect(await store.findWork(T0 + 200, 10)).toEqual([early.conversationId, timed.conversationId, late.conversationId]);
        expect(await store.findWork(T0 + 200, 2)).toEqual([early.conversationId, timed.conversationId]);
      });

      it('returns conversations whatever their status (the processor decides)', async () => {
        const message = await receive();
        await store.commitTurn(turn({ conversationId: message.conversationId, turnKey: 'op:1', patch: { status: 'queued' } }));
        expect(await store.findWork(T0, 10)).toEqual([message.conversationId]);
      });

      it('gives the oldest pending inbound by at, then seq', async () => {
        const later = await receive({ at: T0 + 10 });
        const first = await receive({ at: T0 });
        const tie = await receive({ at: T0 });
        expect((await store.nextPendingInbound(first.conversationId))?.id).toBe(first.id);
        await store.commitTurn(turn({ conversationId: first.conversationId, turnKey: `in:${first.id}`, processedInboundId: first.id }));
        expect((await store.nextPendingInbound(first.conversationId))?.id).toBe(tie.id);
        await store.commitTurn(turn({ conversationId: first.conversationId, turnKey: `in:${tie.id}`, processedInboundId: tie.id, expectedVersion: 1 }));
        expect((await store.nextPendingInbound(first.conversationId))?.id).toBe(later.id);
        await store.commitTurn(turn({ conversationId: first.conversationId, turnKey: `in:${later.id}`, processedInboundId: later.id, expectedVersion: 2 }));
        expect(await store.nextPendingInbound(first.conversationId)).toBeNull();
        expect(await store.findWork(T0 + 10_000, 10)).toEqual([]);
      });
    });

    describe('leases', () => {
      it('is taken when free, renewed by its owner and refused to others until it expires', async () => {
        const { conversationId } = await receive();
        expect(await store.acquireLease(conversationId, 'a', T0, 1000)).toBe(true);
        expect(await store.acquireLease(conversationId, 'b', T0 + 500, 1000)).toBe(false);
        expect(await store.acquireLease(conversationId, 'a', T0 + 900, 1000)).toBe(true);
        expect(await store.acquireLease(conversationId, 'b', T0 + 1899, 1000)).toBe(false);
        expect(await store.acquireLease(conversationId, 'b', T0 + 1900, 1000)).toBe(true);
      });

      it('is freed only by its owner', async () => {
        const { conversationId } = await receive();
        await store.acquireLease(conversationId, 'a', T0, 60_000);
        await store.releaseLease(conversationId, 'b');
        expect(await store.acquireLease(conversationId, 'b', T0, 60_000)).toBe(false);
        await store.releaseLease(conversationId, 'a');
        expect(await store.acquireLease(conversationId, 'b', T0, 60_000)).toBe(true);
      });

      it('goes to exactly one of two owners asking at once', async () => {
        const { conversationId } = await receive();
        const wins = await Promise.all([store.acquireLease(conversationId, 'a', T0, 1000), store.acquireLease(conversationId, 'b', T0, 1000)]);
        expect(wins.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('nextWork', () => {
      it('takes the lease and answers the oldest pending message with its conversation', async () => {
        const later = await receive({ at: T0 + 5 });
        const first = await receive({ at: T0 });
        const work = await store.nextWork(first.conversationId, 'a', T0, 1000);
        expect(work).toMatchObject({ kind: 'message', message: { id: first.id }, conversation: { id: first.conversationId, version: 0 } });
        expect(await store.acquireLease(first.conversationId, 'b', T0 + 500, 1000)).toBe(false);
        // The commit asks for what comes next and gets it, still under the lease.
        const result = await store.commitTurn(turn({ conversationId: first.conversationId, turnKey: `in:${first.id}`, processedInboundId: first.id, next: { owner: 'a', now: T0 + 900, ttlMs: 1000 } }));
        expect(result.next).toMatchObject({ kind: 'message', message: { id: later.id }, conversation: { version: 1 } });
        expect(await store.acquireLease(first.conversationId, 'b', T0 + 1800, 1000)).toBe(false);
      });

      it('answers a due timer before pending messages', async () => {
        const message = await receive();
        await store.commitTurn(turn({ conversationId: message.conversationId, turnKey: 'op:1', scheduleTimers: [{ timerId: 'nudge', fireAt: T0 + 50 }] }));
        expect(await store.nextWork(message.conversationId, 'a', T0 + 49, 1000)).toMatchObject({ kind: 'message', message: { id: message.id } });
        expect(await store.nextWork(message.conversationId, 'a', T0 + 50, 1000)).toMatchObject({ kind: 'timer', timer: { timerId: 'nudge', fireAt: T0 + 50 } });
      });

      it('gives the lease back when nothing is left to do', async () => {
        const message = await receive();
        const result = await store.commitTurn(turn({ conversationId: message.conversationId, turnKey: `in:${message.id}`, processedInboundId: message.id, next: { owner: 'a', now: T0, ttlMs: 60_000 } }));
        expect(result).toMatchObject({ ok: true, next: null });
        expect(await store.acquireLease(message.conversationId, 'b', T0, 60_000)).toBe(true);
        expect(await store.nextWork(message.conversationId, 'b', T0, 60_000)).toBeNull();
        expect(await store.acquireLease(message.conversationId, 'c', T0, 60_000)).toBe(true);
      });

      it('answers null and leaves the lease alone while another owner holds it', async () => {
        const message = await receive();
        expect(await store.acquireLease(message.conversationId, 'a', T0, 1000)).toBe(true);
        expect(await store.nextWork(message.conversationId, 'b', T0 + 10, 1000)).toBeNull();
        expect(await store.acquireLease(message.conversationId, 'b', T0 + 20, 1000)).toBe(false);
        expect(await store.nextWork(message.conversationId, 'b', T0 + 1000, 1000)).toMatchObject({ kind: 'message' });
      });

      it('also answers next work for a turn that was already done', async () => {
        const first = await receive({ at: T0 });
        const second = await receive({ at: T0 + 1 });
        const commit = turn({ conversationId: first.conversationId, turnKey: `in:${first.id}`, processedInboundId: first.id });
        await store.commitTurn(commit);
        const again = await store.commitTurn({ ...commit, next: { owner: 'a', now: T0, ttlMs: 1000 } });
        expect(again).toMatchObject({ ok: false, reason: 'done', next: { kind: 'message', message: { id: second.id } } });
      });
    });

    describe('commitTurn', () => {
      it('writes the snapshot, patch, outbound messages, events and timers of a turn at once', async () => {
        const message = await receive();
        const result = await store.commitTurn(
          turn({
            conversationId: message.conversationId,
            turnKey: `in:${message.id}`,
            processedInboundId: message.id,
            snapshot: { node: 'menu', vars: { n: 1 } },
            patch: { status: 'queued', queue: 'support', handoffReason: 'asked', handoffAt: T0 + 1000, labels: ['vip'] },
            outbound: [
              { sender: 'bot', content: { text: 'one' } },
              { sender: 'system', content: { text: 'two' } },
            ],
            events: [{ type: 'node.enter', at: T0 + 1000, flowId: 'f1', nodeId: 'menu', data: { ok: true } }],
            scheduleTimers: [{ timerId: 'nudge', fireAt: T0 + 60_000 }],
          }),
        );
        if (!result.ok) throw new Error(result.reason);
        expect(result.conversation).toMatchObject({
          version: 1,
          snapshot: { node: 'menu', vars: { n: 1 } },
          status: 'queued',
          queue: 'support',
          handoffReason: 'asked',
          labels: ['vip'],
          updatedAt: T0 + 1000,
        });
        expect(await store.getConversation(message.conversationId)).toEqual(result.conversation);
        expect(result.outbound.map((m) => [m.content, m.sender, m.state, m.attempts, m.nextAttemptAt, m.at, m.turnKey, m.direction])).toEqual([
          [{ text: 'one' }, 'bot', 'queued', 0, T0 + 1000, T0 + 1000, `in:${message.id}`, 'out'],
          [{ text: 'two' }, 'system', 'queued', 0, T0 + 1000, T0 + 1000, `in:${message.id}`, 'out'],
        ]);
        expect(result.outbound[1]?.seq).toBeGreaterThan(result.outbound[0]?.seq ?? Infinity);
        const history = await store.listMessages(message.conversationId);
        expect(history.map((m) => m.id)).toEqual([message.id, ...result.outbound.map((m) => m.id)]);
        expect(history[0]?.state).toBe('processed');
        expect(history.slice(1)).toEqual(result.outbound);
        expect(await store.listEvents({ conversationId: message.conversationId })).toEqual([
          { conversationId: message.conversationId, type: 'node.enter', at: T0 + 1000, flowId: 'f1', nodeId: 'menu', data: { ok: true } },
        ]);
        expect(await store.dueTimers(message.conversationId, T0 + 60_000)).toEqual([{ conversationId: message.conversationId, timerId: 'nudge', fireAt: T0 + 60_000 }]);
        expect(await store.dueTimers(message.conversationId, T0 + 59_999)).toEqual([]);
      });

      it('refuses a turn whose version moved, writing nothing', async () => {
        const message = await receive();
        const result = await store.commitTurn(
          turn({ conversationId: message.conversationId, turnKey: `in:${message.id}`, processedInboundId: message.id, expectedVersion: 3, outbound: [{ sender: 'bot', content: 'x' }] }),
        );
        expect(result).toEqual({ ok: false, reason: 'conflict' });
        expect(await store.getConversation(message.conversationId)).toMatchObject({ version: 0, snapshot: null });
        expect((await store.nextPendingInbound(message.conversationId))?.id).toBe(message.id);
        expect(await store.listMessages(message.conversationId)).toHaveLength(1);
      });

      it('answers done for an inbound already processed, whatever version it names', async () => {
        const message = await receive();
        const first = turn({ conversationId: message.conversationId, turnKey: `in:${message.id}`, processedInboundId: message.id, outbound: [{ sender: 'bot', content: 'x' }] });
        expect((await store.commitTurn(first)).ok).toBe(true);
        expect(await store.commitTurn(first)).toEqual({ ok: false, reason: 'done' });
        expect(await store.commitTurn({ ...first, expectedVersion: 1, turnKey: 'in:again' })).toEqual({ ok: false, reason: 'done' });
        expect(await store.listMessages(message.conversationId)).toHaveLength(2);
        expect(await store.getConversation(message.conversationId)).toMatchObject({ version: 1 });
      });

      it('answers done for a turn key already committed', async () => {
        const { conversationId } = await receive();
        const op = turn({ conversationId, turnKey: 'op:1', outbound: [{ sender: 'operator', content: 'hello', operatorId: 'u1' }] });
        const result = await store.commitTurn(op);
        expect(result.ok && result.outbound[0]?.operatorId).toBe('u1');
        expect(await store.commitTurn({ ...op, expectedVersion: 1 })).toEqual({ ok: false, reason: 'done' });
        expect(await store.getConversation(conversationId)).toMatchObject({ version: 1 });
      });

      it('fires, cancels and reschedules timers', async () => {
        const { conversationId } = await receive();
        await store.commitTurn(
          turn({ conversationId, turnKey: 'op:1', scheduleTimers: [{ timerId: 'a', fireAt: T0 + 10 }, { timerId: 'b', fireAt: T0 + 20 }, { timerId: 'c', fireAt: T0 + 30 }] }),
        );
        expect((await store.dueTimers(conversationId, T0 + 100)).map((t) => t.timerId)).toEqual(['a', 'b', 'c']);
        const fired = await store.commitTurn(
          turn({ conversationId, turnKey: 'timer:a', expectedVersion: 1, firedTimerId: 'a', cancelTimers: ['b'], scheduleTimers: [{ timerId: 'c', fireAt: T0 + 500 }] }),
        );
        expect(fired.ok).toBe(true);
        expect(await store.dueTimers(conversationId, T0 + 100)).toEqual([]);
        expect(await store.dueTimers(conversationId, T0 + 500)).toEqual([{ conversationId, timerId: 'c', fireAt: T0 + 500 }]);
        expect(await store.commitTurn(turn({ conversationId, turnKey: 'timer:a#2', expectedVersion: 2, firedTimerId: 'a' }))).toEqual({ ok: false, reason: 'done' });
        // A fired timer may be armed again.
        await store.commitTurn(turn({ conversationId, turnKey: 'op:2', expectedVersion: 2, scheduleTimers: [{ timerId: 'a', fireAt: T0 + 700 }] }));
        expect((await store.dueTimers(conversationId, T0 + 700)).map((t) => t.timerId)).toEqual(['c', 'a']);
      });

      it('keeps fields the patch leaves out', async () => {
        const { conversationId } = await receive();
        await store.commitTurn(turn({ conversationId, turnKey: 'op:1', patch: { status: 'assigned', assigneeId: 'u1', labels: ['a'] } }));
        const result = await store.commitTurn(turn({ conversationId, turnKey: 'op:2', expectedVersion: 1, snapshot: null, patch: { queue: 'q' } }));
        expect(result.ok && result.conversation).toMatchObject({ status: 'assigned', assigneeId: 'u1', labels: ['a'], queue: 'q', snapshot: null, version: 2, profileName: 'Ann' });
      });
    });

    describe('reading history', () => {
      it('pages messages newest first by seq, each page in order', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i += 1) ids.push((await receive({ at: T0 + i })).id);
        const conversationId = (await store.findConversation('whatsapp', 'pn-1', '15550001'))?.id ?? '';
        const last = await store.listMessages(conversationId, { limit: 2 });
        expect(last.map((m) => m.id)).toEqual(ids.slice(3));
        const before = await store.listMessages(conversationId, { limit: 2, beforeSeq: last[0]?.seq ?? 0 });
        expect(before.map((m) => m.id)).toEqual(ids.slice(1, 3));
      });

      it('filters conversations by status and channel', async () => {
        const a = await receive({ customerId: 'a' });
        const b = await receive({ customerId: 'b', channel: 'webchat', businessNumberId: 'preview' });
        await store.commitTurn(turn({ conversationId: a.conversationId, turnKey: 'op:1', patch: { status: 'queued' } }));
        expect((await store.listConversations({ status: ['queued'] })).map((c) => c.id)).toEqual([a.conversationId]);
        expect((await store.listConversations({ status: ['bot', 'assigned'] })).map((c) => c.id)).toEqual([b.conversationId]);
        expect((await store.listConversations({ channel: 'webchat' })).map((c) => c.id)).toEqual([b.conversationId]);
        expect(await store.listConversations({ limit: 1 })).toHaveLength(1);
        expect(await store.listConversations({})).toHaveLength(2);
      });

      it('filters events by conversation, type and a [from, to) range', async () => {
        const a = await receive({ customerId: 'a' });
        const b = await receive({ customerId: 'b' });
        const event = (type: string, at: number) => ({ type, at, flowId: null, nodeId: null, data: null });
        await store.commitTurn(turn({ conversationId: a.conversationId, turnKey: 'op:a', events: [event('x', T0), event('y', T0 + 10)] }));
        await store.commitTurn(turn({ conversationId: b.conversationId, turnKey: 'op:b', events: [event('x', T0 + 5)] }));
        expect((await store.listEvents({})).map((e) => e.at)).toEqual([T0, T0 + 5, T0 + 10]);
        expect((await store.listEvents({ type: 'x' })).map((e) => e.at)).toEqual([T0, T0 + 5]);
        expect((await store.listEvents({ conversationId: b.conversationId })).map((e) => e.at)).toEqual([T0 + 5]);
        expect((await store.listEvents({ from: T0 + 5, to: T0 + 10 })).map((e) => e.at)).toEqual([T0 + 5]);
      });
    });

    describe('outbox', () => {
      const NOW = T0 + 1000;

      it('claims only the oldest unsent message of each conversation', async () => {
        const [a1, a2] = await queueReplies('a', ['a1', 'a2']);
        const [b1] = await queueReplies('b', ['b1']);
        const claimed = await store.claimOutbox('w1', NOW, 30_000, 10);
        expect(claimed.map((m) => m.id)).toEqual([a1?.id, b1?.id]);
        expect(claimed.every((m) => m.state === 'sending')).toBe(true);
        expect(await store.claimOutbox('w2', NOW, 30_000, 10)).toEqual([]);
        await store.markSent(a1?.id ?? '', 'wamid.out.a1', NOW + 1);
        expect((await store.claimOutbox('w2', NOW + 1, 30_000, 10)).map((m) => m.id)).toEqual([a2?.id]);
      });

      it('claims each message with its recipient as the conversation holds it', async () => {
        const [m] = await queueReplies('15550042', ['x']);
        const [claimed] = await store.claimOutbox('w1', NOW, 30_000, 10);
        expect(claimed).toMatchObject({ id: m?.id, recipient: { channel: 'whatsapp', businessNumberId: 'pn-1', customerId: '15550042', lastInboundAt: T0 } });
        await store.insertInbound([inbound({ customerId: '15550042', at: T0 + 500 })], T0 + 500);
        await store.scheduleRetry(m?.id ?? '', NOW, { code: 'http/500', message: 'retry' });
        const [again] = await store.claimOutbox('w1', NOW, 30_000, 10);
        expect(again?.recipient?.lastInboundAt).toBe(T0 + 500);
      });

      it('answers the message as stored after markSent and markFailed', async () => {
        const [a] = await queueReplies('a', ['x']);
        const [b] = await queueReplies('b', ['y']);
        await store.claimOutbox('w1', NOW, 30_000, 10);
        const sent = await store.markSent(a?.id ?? '', 'wamid.a', NOW + 5);
        expect(sent).toMatchObject({ id: a?.id, wamid: 'wamid.a', state: 'sent', statusAt: { sent: NOW + 5 } });
        expect(sent).not.toHaveProperty('recipient');
        const failed = await store.markFailed(b?.id ?? '', { code: 'window-closed', message: 'closed' }, NOW + 6);
        expect(failed).toMatchObject({ id: b?.id, state: 'failed', error: { code: 'window-closed', message: 'closed' }, statusAt: { failed: NOW + 6 } });
        expect(await store.markFailed(a?.id ?? '', { code: 'late', message: 'already sent' }, NOW + 7)).toBeNull();
        expect(await store.markSent('no-such-message', 'wamid.z', NOW)).toBeNull();
      });

      it('records the wamid and the sent time', async () => {
        const [m] = await queueReplies('a', ['x']);
        await store.claimOutbox('w1', NOW, 30_000, 10);
        await store.markSent(m?.id ?? '', 'wamid.out', NOW + 5);
        const [, stored] = await store.listMessages(m?.conversationId ?? '');
        expect(stored).toMatchObject({ wamid: 'wamid.out', state: 'sent', statusAt: { sent: NOW + 5 } });
        expect(await store.claimOutbox('w1', NOW + 1_000_000, 30_000, 10)).toEqual([]);
      });

      it('honours the limit and nextAttemptAt', async () => {
        await queueReplies('a', ['a1']);
        await queueReplies('b', ['b1']);
        await queueReplies('c', ['c1']);
        expect(await store.claimOutbox('w1', NOW - 1, 30_000, 10)).toEqual([]);
        expect(await store.claimOutbox('w1', NOW, 30_000, 2)).toHaveLength(2);
        expect(await store.claimOutbox('w1', NOW, 30_000, 2)).toHaveLength(1);
      });

      it('holds a conversation back while its head waits for a retry', async () => {
        const [m1, m2] = await queueReplies('a', ['1', '2']);
        await store.claimOutbox('w1', NOW, 30_000, 10);
        await store.scheduleRetry(m1?.id ?? '', NOW + 5000, { code: 'http/429', message: 'slow down' });
        const [, retried] = await store.listMessages(m1?.conversationId ?? '');
        expect(retried).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: NOW + 5000, error: { code: 'http/429', message: 'slow down' } });
        expect(await store.claimOutbox('w1', NOW + 4999, 30_000, 10)).toEqual([]);
        const again = await store.claimOutbox('w1', NOW + 5000, 30_000, 10);
        expect(again.map((m) => [m.id, m.attempts])).toEqual([[m1?.id, 1]]);
        await store.markSent(m1?.id ?? '', 'w.1', NOW + 5001);
        expect((await store.claimOutbox('w1', NOW + 5001, 30_000, 10)).map((m) => m.id)).toEqual([m2?.id]);
      });

      it('hands a message whose claim expired to another sender', async () => {
        const [m1] = await queueReplies('a', ['1']);
        await store.claimOutbox('w1', NOW, 1000, 10);
        expect(await store.claimOutbox('w2', NOW + 999, 1000, 10)).toEqual([]);
        expect((await store.claimOutbox('w2', NOW + 1000, 1000, 10)).map((m) => m.id)).toEqual([m1?.id]);
      });

      it('lets later messages go once the head has failed', async () => {
        const [m1, m2] = await queueReplies('a', ['1', '2']);
        await store.claimOutbox('w1', NOW, 30_000, 10);
        await store.markFailed(m1?.id ?? '', { code: 'whatsapp/131047', message: 'outside window' }, NOW + 1);
        const [, failed] = await store.listMessages(m1?.conversationId ?? '');
        expect(failed).toMatchObject({ state: 'failed', error: { code: 'whatsapp/131047', message: 'outside window' } });
        expect((await store.claimOutbox('w1', NOW + 1, 30_000, 10)).map((m) => m.id)).toEqual([m2?.id]);
      });

      it('never gives one message to two senders claiming at once', async () => {
        for (const customer of ['a', 'b', 'c', 'd']) await queueReplies(customer, ['1', '2']);
        const [x, y] = await Promise.all([store.claimOutbox('w1', NOW, 30_000, 3), store.claimOutbox('w2', NOW, 30_000, 3)]);
        const ids = [...(x ?? []), ...(y ?? [])].map((m) => m.id);
        expect(ids).toHaveLength(4);
        expect(new Set(ids).size).toBe(4);
      });
    });

    describe('applyStatus', () => {
      async function sentMessage() {
        const [m] = await queueReplies('a', ['x']);
        await store.claimOutbox('w', T0 + 1000, 30_000, 1);
        await store.markSent(m?.id ?? '', 'wamid.s', T0 + 1001);
        return m;
      }

      it('moves forward through delivered and read', async () => {
        await sentMessage();
        expect(await store.applyStatus({ wamid: 'wamid.s', status: 'delivered', at: T0 + 2000 })).toMatchObject({ state: 'delivered', statusAt: { sent: T0 + 1001, delivered: T0 + 2000 } });
        expect(await store.applyStatus({ wamid: 'wamid.s', status: 'read', at: T0 + 3000 })).toMatchObject({ state: 'read', statusAt: { read: T0 + 3000 } });
      });

      it('never downgrades: a late delivered after read only records its time', async () => {
        await sentMessage();
        await store.applyStatus({ wamid: 'wamid.s', status: 'read', at: T0 + 3000 });
        const late = await store.applyStatus({ wamid: 'wamid.s', status: 'delivered', at: T0 + 2000 });
        expect(late).toMatchObject({ state: 'read', statusAt: { sent: T0 + 1001, delivered: T0 + 2000, read: T0 + 3000 } });
        expect(await store.applyStatus({ wamid: 'wamid.s', status: 'sent', at: T0 + 1500 })).toMatchObject({ state: 'read' });
      });

      it('applies failed unless the message was delivered or read', async () => {
        const m = await sentMessage();
        const failed = await store.applyStatus({ wamid: 'wamid.s', status: 'failed', at: T0 + 2000, error: { code: '131026', message: 'undeliverable' } });
        expect(failed).toMatchObject({ id: m?.id, state: 'failed', error: { code: '131026', message: 'undeliverable' }, statusAt: { failed: T0 + 2000 } });

        const [other] = await queueReplies('b', ['y']);
        await store.claimOutbox('w', T0 + 1000, 30_000, 1);
        await store.markSent(other?.id ?? '', 'wamid.t', T0 + 1001);
        await store.applyStatus({ wamid: 'wamid.t', status: 'delivered', at: T0 + 1500 });
        expect(await store.applyStatus({ wamid: 'wamid.t', status: 'failed', at: T0 + 2000 })).toMatchObject({ state: 'delivered', error: null });
      });

      it('answers null for a wamid it does not know', async () => {
        expect(await store.applyStatus({ wamid: 'nope', status: 'read', at: T0 })).toBeNull();
      });
    });

    describe('flows', () => {
      const draft = { nodes: [], edges: [] };

      it('creates a flow once, even after it is deleted', async () => {
        const created = await store.createFlow({ id: 'f1', name: 'Main', draft, by: 'u1', now: T0 });
        expect(created).toEqual({ ok: true, flow: { id: 'f1', name: 'Main', draft, revision: 1, updatedAt: T0, updatedBy: 'u1', publishedVersion: null, deletedAt: null } });
        expect(await store.createFlow({ id: 'f1', name: 'Again', draft, by: null, now: T0 })).toEqual({ ok: false, reason: 'exists' });
        expect(await store.deleteFlow('f1', T0 + 1)).toBe(true);
        expect(await store.deleteFlow('f1', T0 + 2)).toBe(false);
        expect(await store.createFlow({ id: 'f1', name: 'Again', draft, by: null, now: T0 })).toEqual({ ok: false, reason: 'exists' });
        expect(await store.listFlows()).toEqual([]);
        expect(await store.getFlow('f1')).toMatchObject({ deletedAt: T0 + 1 });
      });

      it('saves a draft only over the revision it edited', async () => {
        await store.createFlow({ id: 'f1', name: 'Main', draft, by: 'u1', now: T0 });
        const saved = await store.saveDraft({ id: 'f1', name: 'Main 2', draft: { v: 2 }, expectedRevision: 1, by: 'u2', now: T0 + 1 });
        expect(saved).toEqual({ ok: true, flow: expect.objectContaining({ name: 'Main 2', draft: { v: 2 }, revision: 2, updatedAt: T0 + 1, updatedBy: 'u2' }) });
        const stale = await store.saveDraft({ id: 'f1', name: 'Lost', draft: { v: 3 }, expectedRevision: 1, by: 'u3', now: T0 + 2 });
        expect(stale).toEqual({ ok: false, reason: 'conflict', current: expect.objectContaining({ revision: 2, draft: { v: 2 } }) });
        expect(await store.saveDraft({ id: 'nope', name: 'x', draft, expectedRevision: 1, by: null, now: T0 })).toEqual({ ok: false, reason: 'missing', current: null });
        await store.deleteFlow('f1', T0 + 3);
        expect(await store.saveDraft({ id: 'f1', name: 'x', draft, expectedRevision: 2, by: null, now: T0 })).toMatchObject({ ok: false, reason: 'missing' });
      });

      it('publishes immutable numbered versions and lists the latest of each live flow', async () => {
        await store.createFlow({ id: 'f1', name: 'One', draft, by: null, now: T0 });
        await store.createFlow({ id: 'f2', name: 'Two', draft, by: null, now: T0 });
        await store.createFlow({ id: 'f3', name: 'Three', draft, by: null, now: T0 });
        const v1 = await store.publishFlow({ id: 'f1', doc: { v: 1 }, by: 'u1', summary: 'first', now: T0 + 1 });
        expect(v1).toEqual({ flowId: 'f1', version: 1, doc: { v: 1 }, publishedAt: T0 + 1, publishedBy: 'u1', summary: 'first' });
        const v2 = await store.publishFlow({ id: 'f1', doc: { v: 2 }, by: null, summary: 'second', now: T0 + 2 });
        expect(v2.version).toBe(2);
        await store.publishFlow({ id: 'f2', doc: { w: 1 }, by: null, summary: '', now: T0 + 3 });
        await store.publishFlow({ id: 'f3', doc: { z: 1 }, by: null, summary: '', now: T0 + 3 });
        await store.deleteFlow('f3', T0 + 4);
        expect((await store.getFlow('f1'))?.publishedVersion).toBe(2);
        expect(await store.getVersion('f1', 1)).toEqual(v1);
        expect(await store.getVersion('f1', 9)).toBeNull();
        expect((await store.listVersions('f1')).map((v) => v.version)).toEqual([1, 2]);
        expect((await store.publishedFlows()).map((v) => [v.flowId, v.version])).toEqual([
          ['f1', 2],
          ['f2', 1],
        ]);
        await expect(store.publishFlow({ id: 'missing', doc: {}, by: null, summary: '', now: T0 })).rejects.toThrow();
      });
    });

    describe('settings', () => {
      it('keeps one JSON document per key', async () => {
        expect(await store.getSetting('bot')).toBeNull();
        await store.putSetting('bot', { hours: [9, 18] }, T0);
        await store.putSetting('bot', { hours: [8, 20] }, T0 + 1);
        expect(await store.getSetting('bot')).toEqual({ hours: [8, 20] });
      });
    });

    describe('users', () => {
      const ann = { email: 'Ann@Example.com', name: 'Ann', role: 'admin' as const, passwordHash: 'h', disabled: false };

      it('stores emails lower-cased, finds them whatever the case and refuses duplicates', async () => {
        expect(await store.countUsers()).toBe(0);
        const user = await store.createUser(ann, T0);
        expect(user).toEqual({ ...ann, id: expect.any(String), email: 'ann@example.com', createdAt: T0 });
        expect(await store.findUserByEmail('ANN@example.COM')).toEqual(user);
        expect(await store.getUser(user.id)).toEqual(user);
        await expect(store.createUser({ ...ann, email: 'ann@EXAMPLE.com' }, T0)).rejects.toThrow();
        expect(await store.countUsers()).toBe(1);
      });

      it('updates only the fields given', async () => {
        const user = await store.createUser(ann, T0);
        await store.createUser({ ...ann, email: 'bob@example.com', name: 'Bob', role: 'operator' }, T0 + 1);
        expect(await store.updateUser(user.id, { disabled: true, role: 'analyst' })).toEqual({ ...user, disabled: true, role: 'analyst' });
        expect(await store.updateUser('nope', { name: 'x' })).toBeNull();
        expect((await store.listUsers()).map((u) => u.name)).toEqual(['Ann', 'Bob']);
      });
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}
