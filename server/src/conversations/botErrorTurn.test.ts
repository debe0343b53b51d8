import { describe, expect, it } from 'vitest';
import type { Conversation, StoredMessage, WorkItem } from '../store/types.js';
import { botErrorTurn } from './botErrorTurn.js';
import { compileTestBot } from './testing/compileTestBot.js';

const NOW = 1_750_000_000_000;
const bot = compileTestBot({ handoffQueue: 'care' });
const EN = "Sorry, something went wrong on our side. I've passed your message to a colleague, who will reply here shortly.";
const RU = 'Извините, у нас что-то пошло не так. Я передал ваше сообщение коллеге, он ответит вам здесь в ближайшее время.';

const conversation = (over: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  channel: 'whatsapp',
  businessNumberId: '100',
  customerId: '15550001',
  profileName: 'Ann',
  status: 'bot',
  queue: null,
  assigneeId: null,
  handoffReason: null,
  handoffAt: null,
  labels: [],
  snapshot: null,
  version: 7,
  lastInboundAt: NOW - 1000,
  createdAt: NOW - 60_000,
  updatedAt: NOW - 1000,
  ...over,
});

const message = (text: string): StoredMessage => ({
  id: 'm1',
  conversationId: 'c1',
  direction: 'in',
  sender: 'customer',
  wamid: 'wamid.1',
  content: { kind: 'text', text },
  at: NOW - 1000,
  seq: 1,
  state: 'pending',
  turnKey: null,
  attempts: 0,
  nextAttemptAt: null,
  error: null,
  operatorId: null,
  statusAt: {},
});

const onMessage = (text: string, over: Partial<Conversation> = {}): WorkItem => ({ kind: 'message', conversation: conversation(over), message: message(text) });
const snapshotIn = (locale: string) => ({ v: 1, flowId: 'greeting', botVersion: 'test', machine: null, vars: {}, locale, misunderstood: 0, lastInboundAt: null, pendingRequestId: null, seq: 0 });
const replies = (turn: ReturnType<typeof botErrorTurn>) => turn.outbound.map((m) => m.content);

describe('botErrorTurn', () => {
  it('apologises in the conversation language and queues the conversation with reason bot-error when the bot owned it', () => {
    const turn = botErrorTurn({ work: onMessage('where is my order', { snapshot: snapshotIn('ru') }), bot, attempts: 5, error: new Error('boom'), now: NOW });
    expect(replies(turn)).toEqual([{ kind: 'text', text: RU }]);
    expect(turn.patch).toEqual({ status: 'queued', queue: 'care', handoffReason: 'bot-error', handoffAt: NOW, assigneeId: null });
    expect(turn).toMatchObject({ conversationId: 'c1', turnKey: 'in:m1', processedInboundId: 'm1', expectedVersion: 7, snapshot: snapshotIn('ru') });
  });

  it('records the failure and the handoff as events, with no customer text and no stack', () => {
    const error = new Error('cannot step "where is my order"\n    at step (step.ts:1:1)');
    const turn = botErrorTurn({ work: onMessage('where is my order'), bot, attempts: 5, error, now: NOW });
    expect(turn.events.map((e) => [e.type, e.data])).toEqual([
      ['message.in', { kind: 'text', status: 'bot' }],
      ['bot.error', { work: 'message', attempts: 5, code: 'Error', message: 'cannot step "…"' }],
      ['handoff', { queue: 'care', reason: 'bot-error' }],
    ]);
  });

  it("names the error by its own code when it has one", () => {
    const error = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const turn = botErrorTurn({ work: onMessage('hi'), bot, attempts: 5, error, now: NOW });
    expect(turn.events.find((e) => e.type === 'bot.error')?.data).toMatchObject({ code: 'SQLITE_FULL', message: 'database or disk is full' });
  });

  it("takes the language of the failed message when the conversation has none yet", () => {
    expect(replies(botErrorTurn({ work: onMessage('где мой заказ'), bot, attempts: 5, error: new Error('x'), now: NOW }))).toEqual([{ kind: 'text', text: RU }]);
    expect(replies(botErrorTurn({ work: onMessage('where is my order'), bot, attempts: 5, error: new Error('x'), now: NOW }))).toEqual([{ kind: 'text', text: EN }]);
  });

  it('reopens a closed conversation to people, as the message would have reopened it to the bot', () => {
    const turn = botErrorTurn({ work: onMessage('hi', { status: 'closed' }), bot, attempts: 5, error: new Error('x'), now: NOW });
    expect(turn.patch?.status).toBe('queued');
  });

  it('stays silent and leaves the conversation as it is when a person already owns it', () => {
    const turn = botErrorTurn({ work: onMessage('hi', { status: 'assigned', assigneeId: 'op-1', queue: 'care' }), bot, attempts: 5, error: new Error('x'), now: NOW });
    expect(turn.outbound).toEqual([]);
    expect(turn.patch).toBeUndefined();
    expect(turn.events.map((e) => e.type)).toEqual(['message.in', 'bot.error']);
    expect(turn.processedInboundId).toBe('m1');
  });

  it('gives up a fired timer by marking it fired', () => {
    const work: WorkItem = { kind: 'timer', conversation: conversation({ snapshot: snapshotIn('en') }), timer: { conversationId: 'c1', timerId: 't9', fireAt: NOW } };
    const turn = botErrorTurn({ work, bot, attempts: 5, error: new Error('x'), now: NOW });
    expect(turn).toMatchObject({ turnKey: 'timer:t9', firedTimerId: 't9', patch: { status: 'queued', handoffReason: 'bot-error' } });
    expect(turn.processedInboundId).toBeUndefined();
    expect(replies(turn)).toEqual([{ kind: 'text', text: EN }]);
  });

  it('uses the default texts and queue when no bot is published', () => {
    const turn = botErrorTurn({ work: onMessage('hi'), bot: null, attempts: 5, error: new Error('x'), now: NOW });
    expect(replies(turn)).toEqual([{ kind: 'text', text: EN }]);
    expect(turn.patch?.queue).toBe('support');
  });
});
