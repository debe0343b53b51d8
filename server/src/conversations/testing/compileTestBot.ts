import { compileBot, type Bot, type BotSettingsInput } from '@switchboard/engine';

/** A greeting flow in English and Russian: "hi" / "привет" is answered, then it asks for a name. */
const GREETING_FLOW = {
  schemaVersion: 1,
  id: 'greeting',
  name: 'Greeting',
  locales: ['en', 'ru'],
  triggers: { keywords: { en: ['hi', 'hello'], ru: ['привет'] }, intents: [] },
  variables: [{ name: 'name' }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'ask', type: 'ask', position: { x: 200, y: 0 }, data: { prompt: { en: 'Hello! Your name?', ru: 'Здравствуйте! Как вас зовут?' }, variable: 'name', validator: { type: 'text' } } },
    { id: 'thanks', type: 'message', position: { x: 400, y: 0 }, data: { text: { en: 'Thanks, {{name}}.', ru: 'Спасибо, {{name}}.' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'e2', source: 'ask', sourceHandle: 'valid', target: 'thanks' },
  ],
};

/** The greeting bot, compiled (tests of the processor and its turns). */
export function compileTestBot(settings: BotSettingsInput = {}): Bot {
  const result = compileBot({ flows: [GREETING_FLOW], settings: { mainFlowId: 'greeting', ...settings }, version: 'test' });
  if (!result.ok) throw new Error(`test bot does not compile: ${JSON.stringify(result.issues)}`);
  return result.bot;
}
