import { BOT_REQUEST_PRECEDENCE } from '@switchboard/engine/schema';
import { describe, expect, it } from 'vitest';
import { requestLadder } from './requestLadder';

describe('requestLadder', () => {
  it('lists every rung in the engine order, numbered from the one that wins over all others', () => {
    const ladder = requestLadder();
    expect(ladder.map((s) => s.rung)).toEqual([...BOT_REQUEST_PRECEDENCE]);
    expect(ladder.map((s) => s.place)).toEqual(BOT_REQUEST_PRECEDENCE.map((_, i) => i + 1));
    expect(ladder[0]).toMatchObject({ rung: 'handoff', title: 'Talk to a person', kind: 'handoff' });
    expect(ladder[0]?.when).toMatch(/wins over everything else/i);
  });

  it('gives phrases to the bot-wide requests only, and read-only rows to the answer, another topic and the flow', () => {
    const ladder = requestLadder();
    expect(ladder.filter((s) => s.kind).map((s) => s.kind)).toEqual(['handoff', 'language', 'menu', 'goodbye', 'thanks', 'greeting']);
    expect(ladder.filter((s) => !s.kind).map((s) => s.title)).toEqual(['The answer the waiting step takes', 'Another topic', "The flow's own handling"]);
  });

  it('names the text each rung answers with', () => {
    const answers = Object.fromEntries(requestLadder().map((s) => [s.rung, s.answer?.key ?? null]));
    expect(answers).toEqual({ handoff: 'handoff', language: 'languageChanged', menu: null, answer: null, goodbye: 'goodbye', thanks: 'thanks', greeting: null, topic: null, flow: 'flowChanged' });
  });
});
