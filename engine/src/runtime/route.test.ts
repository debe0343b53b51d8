import { describe, expect, it } from 'vitest';
import { compileBot } from '../compile/compileBot.js';
import { flow, t } from '../testing/flowBuilder.js';
import { createConversation, texts } from '../testing/conversation.js';

const examples = {
  hours: {
    en: ['what are your opening hours', 'when are you open', 'what time do you close', 'are you open on saturday', 'working hours please', 'when do you open tomorrow'],
    ru: ['какие у вас часы работы', 'когда вы открыты', 'во сколько вы закрываетесь', 'вы работаете в субботу', 'режим работы', 'когда вы открываетесь'],
  },
  returns: {
    en: ['how do i return an item', 'i want to send it back', 'can i get a refund', 'return policy', 'the product is broken i want my money back', 'how to exchange a purchase'],
    ru: ['как вернуть товар', 'хочу вернуть покупку', 'можно получить возврат денег', 'правила возврата', 'товар сломался верните деньги', 'как обменять покупку'],
  },
};

const faq = flow('faq', {
  intents: [
    { name: 'faq.hours', examples: examples.hours },
    { name: 'faq.returns', examples: examples.returns },
  ],
  variables: [{ name: 'question', type: 'string' }, { name: 'vip', type: 'boolean' }],
})
  .node('s', 'start', {})
  .node('ask', 'ask', { prompt: t('What is your question?', 'Какой у вас вопрос?'), variable: 'question', validator: { type: 'text' } })
  .node('route', 'route', {
    rules: [
      { id: 'code', kind: 'regex', pattern: '^promo-\\d{3}$', flags: 'i' },
      { id: 'kw', kind: 'keyword', keywords: { en: ['address', 'location'], ru: ['адрес'] } },
      { id: 'hours', kind: 'intent', intent: 'faq.hours', minConfidence: 0.5 },
      { id: 'returns', kind: 'intent', intent: 'faq.returns', minConfidence: 0.5 },
      { id: 'vip', kind: 'variable', variable: 'vip', op: 'eq', value: true },
    ],
  })
  .node('promo', 'end', { message: t('Promo accepted', 'Промокод принят') })
  .node('addr', 'end', { message: t('12 Harbour Street', 'ул. Гаванская, 12') })
  .node('hoursA', 'end', { message: t('Mon–Fri 9–18', 'Пн–Пт 9–18') })
  .node('returnsA', 'end', { message: t('Returns within 30 days', 'Возврат в течение 30 дней') })
  .node('vipA', 'end', { message: t('VIP line', 'VIP линия') })
  .node('sorry', 'message', { text: t('Sorry, I do not know that one.', 'Извините, не знаю.') })
  .edge('s', 'next', 'ask')
  .edge('ask', 'valid', 'route')
  .edge('route', 'code', 'promo')
  .edge('route', 'kw', 'addr')
  .edge('route', 'hours', 'hoursA')
  .edge('route', 'returns', 'returnsA')
  .edge('route', 'vip', 'vipA')
  .edge('route', 'fallback', 'sorry')
  .build();

const compiled = compileBot({ flows: [faq], settings: { mainFlowId: 'faq' } });
if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
const bot = compiled.bot;

function answer(question: string): string[] {
  const c = createConversation(bot);
  c.send('hi');
  return texts(c.send(question));
}

describe('route node', () => {
  it('takes the first matching rule in order: regex, keyword, intent', () => {
    expect(answer('PROMO-123')).toEqual(['Promo accepted']);
    expect(answer("what's your adress?")).toEqual(['12 Harbour Street']);
    expect(answer('until what time are you open today')).toEqual(['Mon–Fri 9–18']);
    expect(answer('я хочу вернуть деньги за сломанный товар')).toEqual(['Возврат в течение 30 дней']);
  });

  it('takes the fallback handle and counts a miss when nothing matches', () => {
    const c = createConversation(bot);
    c.send('hi');
    const effects = c.send('the weather is lovely');
    expect(texts(effects)).toEqual(['Sorry, I do not know that one.']);
    expect(c.snapshot?.misunderstood).toBe(1);
    expect(c.log.at(-1)?.trace).toContainEqual({ type: 'notUnderstood', flowId: 'faq', nodeId: 'route', count: 1 });
  });

  it('compares variables, including ones set by a set node', () => {
    const vipFlow = flow('vip', { variables: [{ name: 'vip', type: 'boolean' }] })
      .node('s', 'start', {})
      .node('set', 'set', { assignments: [{ variable: 'vip', value: 'true' }] })
      .node('r', 'route', { rules: [{ id: 'yes', kind: 'variable', variable: 'vip', op: 'eq', value: 'true' }] })
      .node('y', 'end', { message: t('VIP', 'VIP') })
      .node('n', 'end', { message: t('regular', 'обычный') })
      .edge('s', 'next', 'set')
      .edge('set', 'next', 'r')
      .edge('r', 'yes', 'y')
      .edge('r', 'fallback', 'n')
      .build();
    const result = compileBot({ flows: [vipFlow], settings: { mainFlowId: 'vip' } });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(texts(createConversation(result.bot).send('hello'))).toEqual(['VIP']);
  });
});
