import { describe, expect, it } from 'vitest';
import { compileBot } from './compileBot.js';
import type { Bot, ConversationSnapshot } from '../runtime/types.js';
import { step } from '../runtime/step.js';
import { flow, t } from '../testing/flowBuilder.js';
import { createConversation, texts } from '../testing/conversation.js';

function botOf(...flows: unknown[]): Bot {
  const result = compileBot({ flows, settings: { mainFlowId: 'f' } });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.bot;
}

// start → set → tag → message → template → question → route → message → jump back to the question.
const chain = flow('f')
  .node('s', 'start', {})
  .node('set', 'set', { assignments: [{ variable: 'x', value: 'one' }, { variable: 'y', value: '{{x}}-two' }] })
  .node('tag', 'tag', { add: ['lead'], remove: [] })
  .node('hello', 'message', { text: t('Hello {{y}}', 'Привет {{y}}') })
  .node('tpl', 'template', { name: 'welcome', language: 'en', parameters: ['{{x}}'] })
  .node('ask', 'ask', { prompt: t('Say something', 'Скажите что-нибудь'), variable: 'said', validator: { type: 'text' } })
  .node('route', 'route', { rules: [{ id: 'stop', kind: 'keyword', keywords: { en: ['stop'], ru: ['стоп'] } }] })
  .node('echo', 'message', { text: t('You said {{said}}', 'Вы сказали {{said}}') })
  .node('again', 'jump', { nodeId: 'ask' })
  .node('bye', 'end', { message: t('Bye', 'Пока') })
  .edge('s', 'next', 'set')
  .edge('set', 'next', 'tag')
  .edge('tag', 'next', 'hello')
  .edge('hello', 'next', 'tpl')
  .edge('tpl', 'next', 'ask')
  .edge('ask', 'valid', 'route')
  .edge('route', 'stop', 'bye')
  .edge('route', 'fallback', 'echo')
  .edge('echo', 'next', 'again')
  .build();

const visited = (trace: ReturnType<typeof step>['trace']) => trace.flatMap((e) => (e.type === 'node' ? [e.nodeId] : []));

describe('nodes that move straight on', () => {
  it('still name every node in the trace and keep the effects in order', () => {
    const c = createConversation(botOf(chain));
    const effects = c.send('hi');
    expect(visited(c.log.at(-1)?.trace ?? [])).toEqual(['s', 'set', 'tag', 'hello', 'tpl', 'ask']);
    expect(effects.map((e) => e.type)).toEqual(['setLabels', 'send', 'send', 'send']);
    expect(texts(effects)).toEqual(['Hello one-two', 'template:welcome', 'Say something']);
    expect(effects[2]).toEqual({ type: 'send', nodeId: 'tpl', message: { kind: 'template', name: 'welcome', language: 'en', parameters: ['one'] } });

    expect(texts(c.send('apples'))).toEqual(['You said apples', 'Say something']);
    expect(visited(c.log.at(-1)?.trace ?? [])).toEqual(['route', 'echo', 'again', 'ask']);
    expect(c.snapshot?.vars).toMatchObject({ x: 'one', y: 'one-two', said: 'apples' });

    expect(texts(c.send('stop'))).toEqual(['Bye']);
    expect(visited(c.log.at(-1)?.trace ?? [])).toEqual(['route', 'bye']);
  });

  it('starts at such a node when a conversation is resumed there', () => {
    const c = createConversation(botOf(chain));
    const effects = c.inject({ type: 'resume', flowId: 'f', nodeId: 'hello' });
    expect(texts(effects)).toEqual(['Hello ', 'template:welcome', 'Say something']);
    expect(visited(c.log.at(-1)?.trace ?? [])).toEqual(['hello', 'tpl', 'ask']);
  });

  it('asks a question again when a jump leads straight back to it', () => {
    const loop = flow('f')
      .node('s', 'start', {})
      .node('ask', 'ask', { prompt: t('Number?', 'Число?'), variable: 'n', validator: { type: 'number' } })
      .node('thanks', 'message', { text: t('Got {{n}}', 'Есть {{n}}') })
      .node('back', 'jump', { nodeId: 'ask' })
      .edge('s', 'next', 'ask')
      .edge('ask', 'valid', 'thanks')
      .edge('thanks', 'next', 'back')
      .build();
    const c = createConversation(botOf(loop));
    expect(texts(c.send('hi'))).toEqual(['Number?']);
    expect(texts(c.send('5'))).toEqual(['Got 5', 'Number?']);
    expect(visited(c.log.at(-1)?.trace ?? [])).toEqual(['thanks', 'back', 'ask']);
    expect(texts(c.send('6'))).toEqual(['Got 6', 'Number?']);
  });

  it('continues a stored conversation saved at a question', () => {
    const bot = botOf(chain);
    // A snapshot as stored: JSON, waiting at the question (state n5).
    const stored: ConversationSnapshot = JSON.parse(
      JSON.stringify({
        v: 1,
        flowId: 'f',
        botVersion: 'draft',
        machine: { value: 'n5', context: { vars: { x: 'one', y: 'one-two' }, attempts: 0, pendingRequestId: null, pendingTimerId: null, seq: 0, lastText: 'hi' } },
        vars: { x: 'one', y: 'one-two' },
        locale: 'en',
        misunderstood: 0,
        lastInboundAt: 0,
        pendingRequestId: null,
        seq: 0,
      }),
    ) as ConversationSnapshot;
    const result = step({ bot, snapshot: stored, now: 1000, inbound: { type: 'message', id: 'w1', content: { kind: 'text', text: 'pears' } } });
    expect(texts(result.effects)).toEqual(['You said pears', 'Say something']);
    expect(visited(result.trace)).toEqual(['route', 'echo', 'again', 'ask']);
    expect(result.snapshot.position).toMatchObject({ nodeId: 'ask' });
  });
});
