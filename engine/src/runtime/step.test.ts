import { describe, expect, it } from 'vitest';
import { compileBot, type CompileBotInput } from '../compile/compileBot.js';
import type { Bot } from './types.js';
import { flow, t } from '../testing/flowBuilder.js';
import { createConversation, sent, texts } from '../testing/conversation.js';
import { OFFER_HANDOFF_ID, OFFER_MENU_ID } from './step.js';

function botOf(input: CompileBotInput): Bot {
  const result = compileBot(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.bot;
}

const orders = {
  'ORD-5521': { id: 'ORD-5521', status: 'out_for_delivery', window: '14:00–16:00' },
};

const lookupOrder = (input: Record<string, unknown>) => {
  const id = String(input.orderId);
  const order = orders[id as keyof typeof orders];
  return order ? { status: 'ok' as const, data: order } : { status: 'notFound' as const };
};

const menuFlow = flow('menu', { triggers: { keywords: { en: ['hi', 'hello'], ru: ['привет'] }, intents: [] } })
  .node('s', 'start', {})
  .node('m', 'message', {
    text: t('Hi {{profile.name}}! What do you need?', 'Привет, {{profile.name}}! Что вам нужно?'),
    buttons: [
      { id: 'track', title: t('Track my order', 'Мой заказ') },
      { id: 'faq', title: t('Questions', 'Вопросы') },
    ],
  })
  .node('bye', 'end', { message: t('See you!', 'До встречи!') })
  .node('toOrders', 'jump', { flowId: 'orders' })
  .edge('s', 'next', 'm')
  .edge('m', 'track', 'toOrders')
  .edge('m', 'faq', 'bye')
  .build();

const ordersFlow = flow('orders', {
  triggers: { keywords: { en: ['order', 'parcel', 'delivery'], ru: ['заказ', 'посылка'] }, intents: [] },
  variables: [{ name: 'orderId', type: 'string' }],
})
  .node('s', 'start', {})
  .node('ask', 'ask', {
    prompt: t('Your order number?', 'Номер заказа?'),
    variable: 'orderId',
    validator: { type: 'regex', pattern: '^(?:ord[\\s-]?)?(\\d{4})$', flags: 'i', store: 'ORD-$1' },
    retryPrompt: t('Order numbers look like ORD-5521.', 'Номер заказа выглядит так: ORD-5521.'),
    maxAttempts: 2,
  })
  .node('look', 'action', { action: 'lookupOrder', input: { orderId: '{{orderId}}' }, resultVariable: 'order' })
  .node('found', 'message', { text: t('{{order.id}}: courier today {{order.window}}', '{{order.id}}: курьер сегодня {{order.window}}') })
  .node('missing', 'message', { text: t('No order {{orderId}}.', 'Заказ {{orderId}} не найден.') })
  .node('human', 'handoff', { queue: 'orders', message: t('A person will help with your order.', 'Оператор поможет с заказом.') })
  .edge('s', 'next', 'ask')
  .edge('ask', 'valid', 'look')
  .edge('ask', 'invalid', 'human')
  .edge('look', 'ok', 'found')
  .edge('look', 'notFound', 'missing')
  .build();

const settings = { mainFlowId: 'menu' } as const;
const bot = botOf({ flows: [menuFlow, ordersFlow], settings, actions: ['lookupOrder'] });

describe('step', () => {
  it('greets from the main flow and follows a button into another flow by a jump', () => {
    const c = createConversation(bot, { actions: { lookupOrder } });
    const first = c.send('hi');
    expect(texts(first)).toEqual(['Hi Ann! What do you need?']);
    expect(sent(first)[0]).toMatchObject({ kind: 'buttons', buttons: [{ id: 'track', title: 'Track my order' }, { id: 'faq', title: 'Questions' }] });
    expect(texts(c.press('track', 'Track my order'))).toEqual(['Your order number?']);
    expect(texts(c.send('ord 5521'))).toEqual(['ORD-5521: courier today 14:00–16:00']);
    expect(c.snapshot?.flowId).toBeNull();
    expect(c.snapshot?.vars.orderId).toBe('ORD-5521');
  });

  it('matches a typed button title or its number as well as the button id', () => {
    const c = createConversation(bot);
    c.send('hello');
    expect(texts(c.send('questions'))).toEqual(['See you!']);
    c.send('hello');
    expect(texts(c.send('1'))).toEqual(['Your order number?']);
  });

  it('starts a flow from a trigger keyword with a typo when no flow is active', () => {
    const c = createConversation(bot);
    expect(texts(c.send('where is my parcell'))).toEqual(['Your order number?']);
    expect(c.log.at(-1)?.trace).toContainEqual({ type: 'trigger', flowId: 'orders', by: 'keyword' });
  });

  it('re-asks with the retry prompt and takes the invalid handle after max attempts', () => {
    const c = createConversation(bot);
    c.send('order');
    expect(texts(c.send('no idea'))).toEqual(['Order numbers look like ORD-5521.']);
    const last = c.send('still no idea');
    expect(texts(last)).toEqual(['A person will help with your order.']);
    expect(last).toContainEqual({ type: 'handoff', queue: 'orders', reason: 'flow' });
  });

  it('follows the notFound handle of an action and interpolates what the customer gave', () => {
    const c = createConversation(bot, { actions: { lookupOrder } });
    c.send('order');
    const effects = c.send('9999');
    expect(effects).toContainEqual(expect.objectContaining({ type: 'callAction', action: 'lookupOrder', input: { orderId: 'ORD-9999' } }));
    expect(texts(effects)).toEqual(['No order ORD-9999.']);
  });

  it('answers in Russian when the customer writes in Russian', () => {
    const c = createConversation(bot, { actions: { lookupOrder } });
    expect(texts(c.send('привет'))).toEqual(['Привет, Ann! Что вам нужно?']);
    // Free text that names a button's title picks that button.
    expect(texts(c.send('где мой заказ'))).toEqual(['Номер заказа?']);
    expect(texts(c.send('не помню номер'))).toEqual(['Номер заказа выглядит так: ORD-5521.']);
    // A number inside a longer reply answers the question.
    expect(texts(c.send('заказ 7777'))).toEqual(['Заказ ORD-7777 не найден.']);
  });

  it('says it did not understand, asks again, and offers a person after the limit', () => {
    const c = createConversation(bot);
    c.send('hi');
    const first = c.send('bananas');
    expect(texts(first)[0]).toMatch(/didn't get that/);
    expect(texts(first)[1]).toBe('Hi Ann! What do you need?');
    const second = c.send('more bananas');
    expect(sent(second)).toEqual([expect.objectContaining({ kind: 'buttons', buttons: [expect.objectContaining({ id: OFFER_HANDOFF_ID }), expect.objectContaining({ id: OFFER_MENU_ID })] })]);
    const handoff = c.press(OFFER_HANDOFF_ID, 'Talk to a person');
    expect(handoff).toContainEqual({ type: 'handoff', queue: 'support', reason: 'requested' });
  });

  it('hands off from any node when the customer asks for a person', () => {
    const c = createConversation(bot);
    c.send('order');
    const effects = c.send('оператор');
    expect(effects).toContainEqual({ type: 'handoff', queue: 'support', reason: 'requested' });
    expect(texts(effects)[0]).toMatch(/оператор/i);
    expect(c.snapshot?.flowId).toBeNull();
  });

  it('returns to the main flow on "menu" from inside another flow', () => {
    const c = createConversation(bot);
    c.send('order');
    expect(texts(c.send('menu'))).toEqual(['Hi Ann! What do you need?']);
    expect(c.snapshot?.flowId).toBe('menu');
  });

  it('does not take "меня" (me) in a Russian message for the "меню" interrupt', () => {
    const c = createConversation(bot);
    expect(texts(c.send('у меня не пришёл заказ'))).toEqual(['Номер заказа?']);
    expect(c.log.at(-1)?.trace).not.toContainEqual({ type: 'interrupt', kind: 'menu' });
  });

  it('forgets an abandoned flow after 30 minutes of silence', () => {
    const c = createConversation(bot);
    c.send('order');
    c.advance(31 * 60_000);
    const effects = c.send('hello');
    expect(texts(effects)).toEqual(['Hi Ann! What do you need?']);
    expect(c.log.at(-1)?.trace[0]).toEqual({ type: 'expired', flowId: 'orders' });
  });

  it('replies politely to a message it cannot read', () => {
    const c = createConversation(bot);
    const effects = c.send({ kind: 'media', mediaType: 'sticker' });
    expect(texts(effects)[0]).toMatch(/can't read/);
  });

  it('reads the caption of a photo as text', () => {
    const c = createConversation(bot);
    expect(texts(c.send({ kind: 'media', mediaType: 'image', caption: 'my order is broken' }))).toEqual(['Your order number?']);
  });

  it('gives the same result after a JSON round trip of the snapshot at every step', () => {
    const script = (c: ReturnType<typeof createConversation>) => [c.send('hi'), c.send('bananas'), c.press('track'), c.send('x'), c.send('5521')];
    const plain = script(createConversation(bot, { actions: { lookupOrder } }));
    const stored = script(createConversation(bot, { actions: { lookupOrder }, roundTrip: true }));
    expect(stored).toEqual(plain);
  });

  it('ignores an action result that the flow is not waiting for', () => {
    const c = createConversation(bot);
    c.send('hi');
    const effects = c.inject({ type: 'actionResult', requestId: 'orders/look/99', status: 'ok', data: {} });
    expect(effects).toEqual([]);
    expect(c.log.at(-1)?.trace).toEqual([{ type: 'ignored', reason: 'stale action result orders/look/99' }]);
  });
});

describe('step with timers', () => {
  const nudge = flow('nudge', { triggers: { keywords: { en: ['quote'] }, intents: [] } })
    .node('s', 'start', {})
    .node('q', 'message', { text: t('Want a quote?', 'Нужен расчёт?') })
    .node('w', 'wait', { minutes: 10 })
    .node('r', 'message', { text: t('Thanks for replying: {{answer}}', 'Спасибо: {{answer}}') })
    .node('set', 'set', { assignments: [{ variable: 'answer', value: 'yes' }] })
    .node('n', 'message', { text: t('Still there?', 'Вы здесь?') })
    .edge('s', 'next', 'q')
    .edge('q', 'next', 'w')
    .edge('w', 'reply', 'set')
    .edge('set', 'next', 'r')
    .edge('w', 'timeout', 'n')
    .build();
  const timerBot = botOf({ flows: [nudge] });

  it('schedules a durable timer and takes the timeout handle when it fires', () => {
    const c = createConversation(timerBot);
    const effects = c.send('quote please');
    const schedule = effects.find((e) => e.type === 'scheduleTimer');
    expect(schedule).toEqual({ type: 'scheduleTimer', timerId: 'nudge/w/1', at: c.now + 10 * 60_000 });
    c.advance(10 * 60_000);
    expect(texts(c.fire('nudge/w/1'))).toEqual(['Still there?']);
  });

  it('cancels the timer when the customer replies first', () => {
    const c = createConversation(timerBot);
    c.send('quote');
    const effects = c.send('yes');
    expect(effects).toContainEqual({ type: 'cancelTimer', timerId: 'nudge/w/1' });
    expect(texts(effects)).toEqual(['Thanks for replying: yes']);
    expect(c.fire('nudge/w/1')).toEqual([]);
  });
});

describe('step with labels, templates and opening hours', () => {
  const tagged = flow('tagged', { triggers: { keywords: { en: ['vip'] }, intents: [] } })
    .node('s', 'start', {})
    .node('tag', 'tag', { add: ['VIP'], remove: ['New customer'] })
    .node('tpl', 'template', { name: 'order_update', language: 'en', parameters: ['{{profile.name}}'] })
    .node('h', 'handoff', { queue: 'vip' })
    .edge('s', 'next', 'tag')
    .edge('tag', 'next', 'tpl')
    .edge('tpl', 'next', 'h')
    .build();
  const hoursBot = botOf({
    flows: [tagged],
    settings: {
      away: { enabled: true },
      business: { name: 'Demo', timeZone: 'Europe/Moscow', address: '', openingHours: { mon: [{ open: '09:00', close: '18:00' }] } },
    },
  });

  it('labels the conversation, sends a template and hands off with the handoff message while open', () => {
    const c = createConversation(hoursBot, { start: Date.parse('2026-11-23T08:00:00Z') }); // Monday 11:00 Moscow
    const effects = c.send('vip');
    expect(effects).toContainEqual({ type: 'setLabels', add: ['VIP'], remove: ['New customer'] });
    expect(sent(effects)).toContainEqual({ kind: 'template', name: 'order_update', language: 'en', parameters: ['Ann'] });
    expect(texts(effects).at(-1)).toMatch(/Connecting you with a person/);
    expect(effects.at(-1)).toEqual({ type: 'handoff', queue: 'vip', reason: 'flow' });
  });

  it('sends the away message instead when the business is closed', () => {
    const c = createConversation(hoursBot, { start: Date.parse('2026-11-24T17:00:00Z') }); // Tuesday 20:00 Moscow
    expect(texts(c.send('vip')).at(-1)).toMatch(/closed/);
  });
});

describe('compileBot', () => {
  it('returns issues instead of throwing for a broken flow', () => {
    const broken = flow('broken').node('m', 'message', { text: t('hi', 'привет') }).build();
    const result = compileBot({ flows: [broken, { nonsense: true }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['flow/missing-start', 'flow/invalid-document']));
  });
});

describe('step with jumps inside a flow', () => {
  it('jumps to a node of the same flow', () => {
    const looped = flow('loop', { triggers: { keywords: { en: ['start'] }, intents: [] } })
      .node('s', 'start', {})
      .node('q', 'message', { text: t('Again?', 'Ещё?'), buttons: [{ id: 'yes', title: t('Yes', 'Да') }, { id: 'no', title: t('No', 'Нет') }] })
      .node('j', 'jump', { nodeId: 'q' })
      .node('bye', 'end', { message: t('Bye', 'Пока') })
      .edge('s', 'next', 'q')
      .edge('q', 'yes', 'j')
      .edge('q', 'no', 'bye')
      .build();
    const c = createConversation(botOf({ flows: [looped] }));
    expect(texts(c.send('start'))).toEqual(['Again?']);
    expect(texts(c.press('yes'))).toEqual(['Again?']);
    expect(texts(c.press('no'))).toEqual(['Bye']);
    expect(c.log.at(-1)?.effects.at(-1)).toEqual({ type: 'end', flowId: 'loop' });
  });
});

describe('step details', () => {
  it('lets a flow interpret its own button even when its title sounds like an interrupt', () => {
    const f = flow('help', { triggers: { keywords: { en: ['help'] }, intents: [] } })
      .node('s', 'start', {})
      .node('q', 'message', { text: t('Need more?', 'Ещё?'), buttons: [{ id: 'human', title: t('Talk to a person', 'Позвать оператора') }] })
      .node('h', 'handoff', { queue: 'vip', reason: 'lowRating' })
      .edge('s', 'next', 'q')
      .edge('q', 'human', 'h')
      .build();
    const c = createConversation(botOf({ flows: [f] }));
    c.send('help');
    expect(c.press('human', 'Talk to a person')).toContainEqual({ type: 'handoff', queue: 'vip', reason: 'lowRating' });
  });

  it('takes a short reply made of words from one button title as that button, and only then', () => {
    const f = flow('after', { triggers: { keywords: { en: ['done'], ru: ['готово'] }, intents: [] } })
      .node('s', 'start', {})
      .node('q', 'message', {
        text: t('Anything else?', 'Что-нибудь ещё?'),
        buttons: [
          { id: 'another', title: t('Another order', 'Другой заказ') },
          { id: 'track', title: t('Track my order', 'Отследить заказ') },
          { id: 'done', title: t('No, thanks', 'Нет, спасибо') },
        ],
      })
      .node('again', 'end', { message: t('Another one, then.', 'Ещё один.') })
      .node('tracking', 'end', { message: t('Tracking.', 'Отслеживаем.') })
      .node('bye', 'end', { message: t('Goodbye!', 'До свидания!') })
      .edge('s', 'next', 'q')
      .edge('q', 'another', 'again')
      .edge('q', 'track', 'tracking')
      .edge('q', 'done', 'bye')
      .build();
    const afterBot = botOf({ flows: [f] });
    const reply = (text: string, start = 'done') => {
      const c = createConversation(afterBot);
      c.send(start);
      return texts(c.send(text));
    };
    expect(reply('thanks')).toEqual(['Goodbye!']);
    expect(reply('thank you!')).toEqual(['Goodbye!']);
    expect(reply('no')).toEqual(['Goodbye!']);
    expect(reply('спасибо', 'готово')).toEqual(['До свидания!']);
    expect(reply('нет', 'готово')).toEqual(['До свидания!']);
    expect(reply('thx')).toEqual(['Goodbye!']); // chat shorthand
    expect(reply('спс', 'готово')).toEqual(['До свидания!']);
    expect(reply('another')).toEqual(['Another one, then.']);
    expect(reply('track')).toEqual(['Tracking.']);
    // "order" is in two titles: the bot cannot tell which, so it asks again.
    expect(reply('order')).not.toContain('Another one, then.');
    expect(reply('order')).not.toContain('Tracking.');
    // A longer message is not read as a button, even when its words are in a title.
    expect(reply('thanks thanks thanks thanks thanks')).not.toContain('Goodbye!');
  });

  it('prefers a decisive intent over a keyword found somewhere in the message', () => {
    const returns = flow('returns', {
      intents: [{ name: 'returns', examples: { en: ['i want to return an item', 'how do i send it back', 'can i get a refund', 'return policy', 'send back a purchase', 'refund my money'], ru: ['хочу вернуть товар', 'как вернуть', 'возврат денег', 'правила возврата', 'вернуть покупку', 'верните деньги'] } }],
      triggers: { keywords: {}, intents: ['returns'] },
    })
      .node('s', 'start', {})
      .node('m', 'end', { message: t('Returns: 30 days.', 'Возврат: 30 дней.') })
      .edge('s', 'next', 'm')
      .build();
    const b = botOf({ flows: [ordersFlow, returns], actions: ['lookupOrder'] });
    expect(texts(createConversation(b).send('can I send my order back and get a refund'))).toEqual(['Returns: 30 days.']);
    expect(texts(createConversation(b).send('where is my order'))).toEqual(['Your order number?']);
  });

  it('fills placeholders in bot-wide texts and tidies the punctuation around an empty name', () => {
    const b = botOf({
      flows: [menuFlow, ordersFlow],
      settings: { mainFlowId: 'menu', greeting: { enabled: true, text: { en: 'Welcome to {{business.name}}, {{profile.nickname}}!', ru: 'Добро пожаловать, {{profile.nickname}}!' } }, business: { name: 'Demo', timeZone: 'UTC', address: '', openingHours: {} } },
      actions: ['lookupOrder'],
    });
    const c = createConversation(b);
    expect(texts(c.send('hello'))[0]).toBe('Welcome to Demo!');
    expect(texts(createConversation(b).send('привет'))[0]).toBe('Добро пожаловать!');
  });

  it('describes opening hours in the customer language', () => {
    const f = flow('hours', { triggers: { keywords: { en: ['hours'], ru: ['часы'] }, intents: [] } })
      .node('s', 'start', {})
      .node('m', 'end', { message: t('We are open {{business.hours}}', 'Мы работаем: {{business.hours}}') })
      .edge('s', 'next', 'm')
      .build();
    const b = botOf({ flows: [f], settings: { business: { name: 'D', timeZone: 'Europe/Moscow', address: '', openingHours: { mon: [{ open: '09:00', close: '18:00' }], tue: [{ open: '09:00', close: '18:00' }], sat: [{ open: '10:00', close: '16:30' }] } } } });
    expect(texts(createConversation(b).send('hours'))).toEqual(['We are open Mon–Tue 9:00–18:00, Wed–Fri closed, Sat 10:00–16:30, Sun closed']);
    expect(texts(createConversation(b).send('часы работы'))).toEqual(['Мы работаем: пн–вт 9:00–18:00, ср–пт — выходные, сб 10:00–16:30, вс — выходной']);
  });
});

describe('step with an answer already in the first message', () => {
  it('skips the question when the message that started the flow holds a valid answer', () => {
    const c = createConversation(bot, { actions: { lookupOrder } });
    const effects = c.send('where is my order 5521?');
    expect(texts(effects)).toEqual(['ORD-5521: courier today 14:00–16:00']);
    expect(c.snapshot?.vars.orderId).toBe('ORD-5521');
  });

  it('fills a question from the first message once: coming round to it again in the same turn, it asks', () => {
    // ask → set → back to ask: no node on the loop passes straight through, so validation allows it,
    // and the first message ("5") answers the question. Filled again on every lap, it never ended.
    const counter = flow('count', { triggers: { keywords: { en: ['count'], ru: ['счёт'] }, intents: [] }, variables: [{ name: 'n', type: 'number' }] })
      .node('s', 'start', {})
      .node('ask', 'ask', { prompt: t('How many?', 'Сколько?'), variable: 'n', validator: { type: 'number' } })
      .node('note', 'set', { assignments: [{ variable: 'last', value: '{{n}}' }] })
      .edge('s', 'next', 'ask')
      .edge('ask', 'valid', 'note')
      .edge('note', 'next', 'ask')
      .build();
    const c = createConversation(botOf({ flows: [counter], settings: { mainFlowId: 'count' } }));
    expect(texts(c.send('count 5'))).toEqual(['How many?']);
    expect(c.snapshot?.vars).toMatchObject({ n: 5, last: 5 });
    // The next answer goes round once and waits again.
    expect(texts(c.send('7'))).toEqual(['How many?']);
    expect(c.snapshot?.vars).toMatchObject({ n: 7, last: 7 });
  });

  it('still asks when the first message holds nothing the question accepts', () => {
    const c = createConversation(bot, { actions: { lookupOrder } });
    expect(texts(c.send('where is my order from last week'))).toEqual(['Your order number?']);
  });
});
