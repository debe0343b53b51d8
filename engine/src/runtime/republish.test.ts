import { describe, expect, it } from 'vitest';
import { compileBot, type CompileBotInput } from '../compile/compileBot.js';
import type { Bot, ConversationSnapshot } from './types.js';
import { flow, t } from '../testing/flowBuilder.js';
import { createConversation, texts } from '../testing/conversation.js';
import { step } from './step.js';

function botOf(input: CompileBotInput): Bot {
  const result = compileBot(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.bot;
}

const lookupOrder = (input: Record<string, unknown>) =>
  input.orderId === 'ORD-5521' ? { status: 'ok' as const, data: { id: 'ORD-5521', window: '14:00–16:00' } } : { status: 'notFound' as const };

const menu = (options: { withOrders?: boolean } = {}) => {
  const b = flow('menu', { triggers: { keywords: { en: ['hi'], ru: ['привет'] }, intents: [] } })
    .node('s', 'start', {})
    .node('m', 'message', { text: t('What do you need?', 'Что вам нужно?'), buttons: [{ id: 'track', title: t('Track my order', 'Где мой заказ') }] })
    .edge('s', 'next', 'm');
  return b.node('go', options.withOrders === false ? 'end' : 'jump', options.withOrders === false ? {} : { flowId: 'orders' }).edge('m', 'track', 'go');
};

/** The orders flow; `variant` changes what a republish changes, everything else stays. */
function orders(variant: { askId?: string; retypeAsk?: boolean; name?: string; wait?: boolean } = {}) {
  const askId = variant.askId ?? 'askId';
  const b = flow('orders', { name: variant.name ?? 'Orders', variables: [{ name: 'orderId', type: 'string' }], triggers: { keywords: { en: ['order'], ru: ['заказ'] }, intents: [] } }).node('s', 'start', {});
  if (variant.retypeAsk) b.node(askId, 'message', { text: t('Track which order?', 'Какой заказ?'), buttons: [{ id: 'last', title: t('The last one', 'Последний') }] });
  else b.node(askId, 'ask', { prompt: t('Your order number?', 'Номер заказа?'), variable: 'orderId', validator: { type: 'regex', pattern: '(?:ord[\\s-]?)?(\\d{4})', flags: 'i', store: 'ORD-$1' }, maxAttempts: 2 });
  b.node('look', 'action', { action: 'lookupOrder', input: { orderId: '{{orderId}}' }, resultVariable: 'order' })
    .node('found', 'message', { text: t('{{order.id}}: courier {{order.window}}', '{{order.id}}: курьер {{order.window}}') })
    .node('missing', 'message', { text: t('No order {{orderId}}.', 'Заказа {{orderId}} нет.') })
    .edge('s', 'next', askId)
    .edge(askId, variant.retypeAsk ? 'last' : 'valid', 'look')
    .edge('look', 'ok', 'found')
    .edge('look', 'notFound', 'missing');
  if (variant.wait) {
    b.node('nudge', 'wait', { minutes: 10 }).node('still', 'message', { text: t('Still there?', 'Вы здесь?') }).edge('found', 'next', 'nudge').edge('nudge', 'timeout', 'still').edge('nudge', 'reply', askId);
  }
  return b.build();
}

const settings = { mainFlowId: 'menu' } as const;
const actions = ['lookupOrder'];
const bot = (flows: unknown[], versions: Record<string, string>) => botOf({ flows, settings, actions, flowVersions: versions, version: JSON.stringify(versions) });

/** The same flow with its nodes and edges in reverse order and every node moved: a publish that changes nothing a customer sees. */
function shuffled<T extends { nodes: { position: { x: number; y: number } }[]; edges: unknown[] }>(doc: T): T {
  return { ...doc, nodes: [...doc.nodes].reverse().map((n, i) => ({ ...n, position: { x: n.position.x + 37 * i, y: n.position.y - 11 } })), edges: [...doc.edges].reverse() };
}

describe('a republish during a conversation', () => {
  const v1 = bot([menu().build(), orders()], { menu: '1', orders: '1' });

  it('keeps a customer at their question when the nodes were only reordered and moved', () => {
    const c = createConversation(v1, { actions: { lookupOrder } });
    expect(texts(c.send('order'))).toEqual(['Your order number?']);
    c.republish(bot([shuffled(menu().build()), shuffled(orders())], { menu: '2', orders: '2' }));
    expect(texts(c.send('5521'))).toEqual(['ORD-5521: courier 14:00–16:00']);
    expect(c.log.at(-2)?.trace).toContainEqual(expect.objectContaining({ type: 'republished', outcome: 'kept', fromVersion: '1', toVersion: '2' }));
  });

  it('records the node id and the flow version with the position', () => {
    const c = createConversation(v1);
    c.send('order');
    expect(c.snapshot?.position).toEqual({ flowId: 'orders', nodeId: 'askId', nodeType: 'ask', flowVersion: '1' });
    expect(c.snapshot?.machine).toMatchObject({ value: 'node:askId' });
  });

  it('restarts the flow with a notice in the customer\'s language when their question was deleted, using what they just sent', () => {
    const c = createConversation(v1, { actions: { lookupOrder } });
    c.send('где мой заказ');
    c.republish(bot([menu().build(), orders({ askId: 'askOrder' })], { menu: '1', orders: '2' }));
    const effects = c.send('5521');
    expect(texts(effects)).toEqual(['Мы только что обновили этот раздел чата, поэтому начнём его сначала.', 'ORD-5521: курьер 14:00–16:00']);
    expect(c.log.at(-2)?.trace).toContainEqual(expect.objectContaining({ type: 'republished', flowId: 'orders', nodeId: 'askId', outcome: 'restarted' }));
  });

  it('restarts the flow with a notice when the node at the customer\'s place changed type', () => {
    const c = createConversation(v1);
    c.send('order');
    c.republish(bot([menu().build(), orders({ retypeAsk: true })], { menu: '1', orders: '2' }));
    expect(texts(c.send('5521'))).toEqual(["We've just updated this part of our chat, so let's pick it up from the start.", 'Track which order?']);
  });

  it('goes on untouched when only the flow was renamed', () => {
    const c = createConversation(v1, { actions: { lookupOrder } });
    c.send('order');
    c.republish(bot([menu().build(), orders({ name: 'Order tracking' })], { menu: '1', orders: '2' }));
    expect(texts(c.send('5521'))).toEqual(['ORD-5521: courier 14:00–16:00']);
  });

  it('says so and goes to the main flow when the customer\'s flow was deleted', () => {
    const c = createConversation(v1);
    c.send('order');
    c.republish(bot([menu({ withOrders: false }).build()], { menu: '2' }));
    expect(texts(c.send('5521'))).toEqual(["We've just updated this part of our chat, so let's pick it up from the start.", 'What do you need?']);
    expect(c.snapshot?.flowId).toBe('menu');
  });

  it('never leaves a customer without a reply, whatever a republish removed', () => {
    const variants = [orders(), orders({ askId: 'other' }), orders({ retypeAsk: true }), shuffled(orders())];
    for (const variant of variants) {
      const c = createConversation(v1, { actions: { lookupOrder } });
      c.send('order');
      c.republish(bot([menu().build(), variant], { menu: '1', orders: '2' }));
      expect(texts(c.send('5521')).length).toBeGreaterThan(0);
    }
  });

  describe('a timer scheduled under the old version', () => {
    const withWait = bot([menu().build(), orders({ wait: true })], { menu: '1', orders: '1' });
    const timerOf = (effects: ReturnType<ReturnType<typeof createConversation>['send']>) => effects.find((e) => e.type === 'scheduleTimer');

    it('fires as scheduled when its node is still there', () => {
      const c = createConversation(withWait, { actions: { lookupOrder } });
      c.send('order');
      const timer = timerOf(c.send('5521'));
      if (timer?.type !== 'scheduleTimer') throw new Error('no timer was scheduled');
      c.republish(bot([menu().build(), shuffled(orders({ wait: true }))], { menu: '1', orders: '2' }));
      expect(texts(c.fire(timer.timerId))).toEqual(['Still there?']);
    });

    it('is dropped when its node was removed, and the customer\'s next message gets the notice', () => {
      const c = createConversation(withWait, { actions: { lookupOrder } });
      c.send('order');
      const timer = timerOf(c.send('5521'));
      if (timer?.type !== 'scheduleTimer') throw new Error('no timer was scheduled');
      c.republish(bot([menu().build(), orders()], { menu: '1', orders: '2' }));
      expect(c.fire(timer.timerId)).toEqual([]);
      expect(texts(c.send('hello?'))[0]).toMatch(/just updated/);
    });
  });

  describe('a position stored by node index (before positions were kept by id)', () => {
    const legacy = (value: string, botVersion: string): ConversationSnapshot => ({
      ...(JSON.parse(JSON.stringify({ v: 1, flowId: 'orders', botVersion, machine: { value, context: { vars: {}, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: 0, lastText: '' } }, vars: {}, locale: 'en', misunderstood: 0, lastInboundAt: 1, pendingRequestId: null, seq: 0 })) as ConversationSnapshot),
    });
    const askIndex = orders().nodes.findIndex((n) => n.id === 'askId');

    it('is read by index under the bot it was taken with', () => {
      const result = step({ bot: v1, snapshot: legacy(`n${askIndex}`, v1.version), inbound: { type: 'message', id: 'w1', content: { kind: 'text', text: '5521' } }, now: 2 });
      expect(result.effects).toContainEqual(expect.objectContaining({ type: 'callAction', input: { orderId: 'ORD-5521' } }));
    });

    it('restarts its flow with the notice under any other bot', () => {
      const result = step({ bot: v1, snapshot: legacy(`n${askIndex}`, 'an-older-bot'), inbound: { type: 'message', id: 'w1', content: { kind: 'text', text: 'help' } }, now: 2 });
      expect(texts(result.effects)).toEqual(["We've just updated this part of our chat, so let's pick it up from the start.", 'Your order number?']);
    });
  });
});
