import { DEFAULT_REQUESTS } from '@switchboard/engine/schema';
import { describe, expect, it } from 'vitest';
import { checkRequests, fieldErrorsOf } from './checkRequests';
import type { BotRequestSettings } from './settingsApi';

const text = (en: string, ru: string) => ({ en, ru });
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function requests(): BotRequestSettings {
  return {
    phrases: copy(DEFAULT_REQUESTS),
    answers: {
      handoff: text('Connecting you with a person.', 'Соединяю с оператором.'),
      goodbye: text('Bye!', 'Пока!'),
      thanks: text('You are welcome!', 'Пожалуйста!'),
      languageChanged: text('Sure, in English.', 'Хорошо, по-русски.'),
      flowChanged: text('We updated this chat.', 'Мы обновили чат.'),
    },
  };
}

describe('checkRequests', () => {
  it('finds nothing in the default requests', () => {
    expect(checkRequests(requests())).toEqual({ errors: {}, warnings: {} });
  });

  it('blocks an empty answer, since the customer would get silence', () => {
    const draft = requests();
    draft.answers.goodbye.ru = '  ';
    expect(checkRequests(draft).errors).toEqual({ 'answers.goodbye.ru': expect.stringMatching(/Russian text/) });
  });

  it('blocks a phrase longer than the server takes', () => {
    const draft = requests();
    draft.phrases.menu.en = ['menu', 'x'.repeat(101)];
    expect(Object.keys(checkRequests(draft).errors)).toEqual(['phrases.menu.en']);
  });

  it('warns on both requests when a phrase is under two, since the earlier one always takes it', () => {
    const draft = requests();
    draft.phrases.goodbye.en = [...(draft.phrases.goodbye.en ?? []), 'Thanks'];
    draft.phrases.thanks.ru = [...(draft.phrases.thanks.ru ?? []), 'оператор'];
    expect(checkRequests(draft).warnings).toEqual({
      'phrases.goodbye.en': ['"thanks" is also under Thanks; Goodbye comes first and answers it.'],
      'phrases.handoff.ru': ['"оператор" is also under Thanks; Talk to a person comes first and answers it.'],
      'phrases.thanks.en': ['"thanks" is answered as Goodbye, which comes first; here it has no effect.'],
      'phrases.thanks.ru': ['"оператор" is answered as Talk to a person, which comes first; here it has no effect.'],
    });
  });

  it('warns when a language has no phrases for a request', () => {
    const draft = requests();
    draft.phrases.greeting.ru = [];
    draft.phrases.language.en = [];
    expect(checkRequests(draft).warnings).toEqual({
      'phrases.greeting.ru': ['No Russian phrases: customers writing in Russian cannot ask for this by typing.'],
      'phrases.language.en': ['No phrases: customers cannot ask for English by typing.'],
    });
  });
});

describe('fieldErrorsOf', () => {
  it('puts the server issues on the field they belong to, first message first', () => {
    const details = { issues: [{ path: 'phrases.goodbye.en.2', message: 'a phrase cannot be empty' }, { path: 'phrases.goodbye.en.5', message: 'later' }, { path: 'answers.thanks.ru', message: 'write the answer' }] };
    expect(fieldErrorsOf(details)).toEqual({ 'phrases.goodbye.en': 'a phrase cannot be empty', 'answers.thanks.ru': 'write the answer' });
  });

  it('reads nothing from details of another shape', () => {
    expect(fieldErrorsOf(undefined)).toEqual({});
    expect(fieldErrorsOf({ issues: 'no' })).toEqual({});
  });
});
