import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BotSettingsSchema, compileBot, type Bot } from '@switchboard/engine';
import { FLOWS_DIR, loadExampleBot, readExampleFlows, readExampleSettings, type ExampleBot } from './loadExampleBot.js';
import { readTranscriptFiles, runTranscript } from './runTranscripts.js';

const transcripts = readTranscriptFiles(path.join(FLOWS_DIR, 'tests')).flatMap((file) => file.transcripts);

interface FlowDoc {
  id: string;
  nodes: { id: string; position: { x: number; y: number } }[];
  edges: unknown[];
}

/** Reorders a list by a seeded permutation. */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ item }) => item);
}

/**
 * The example bot published again with every flow's nodes and edges in another order and every
 * node moved: a publish that changes nothing a customer can see. Each flow gets a new version.
 */
function republished(example: ExampleBot, shuffle: { keys: number[]; dx: number; dy: number }, round: number): Bot {
  const flows = readExampleFlows()
    .map(({ doc }) => doc as FlowDoc)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((doc) => ({
      ...doc,
      nodes: permute(doc.nodes, shuffle.keys).map((n) => ({ ...n, position: { x: n.position.x + shuffle.dx, y: n.position.y + shuffle.dy } })),
      edges: permute(doc.edges, [...shuffle.keys].reverse()),
    }));
  const result = compileBot({
    flows,
    settings: BotSettingsSchema.parse(readExampleSettings()),
    actions: [...example.actions.keys()],
    version: `republished-${round}`,
    flowVersions: Object.fromEntries(flows.map((f) => [f.id, `v${round + 2}`])),
    nluModel: example.bot.nlu.toJSON(),
  });
  if (!result.ok) throw new Error('the shuffled example flows do not compile');
  return result.bot;
}

let example: ExampleBot;
beforeAll(async () => {
  example = await loadExampleBot();
});

describe('a behaviour-neutral republish', () => {
  it('never changes any reply, whichever turn of whichever transcript it lands before', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: transcripts.length - 1 }),
        fc.nat({ max: 40 }),
        fc.record({ keys: fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), dx: fc.integer({ min: -500, max: 500 }), dy: fc.integer({ min: -500, max: 500 }) }),
        async (which, turn, shuffle) => {
          const transcript = transcripts[which];
          if (!transcript) return;
          const beforeTurn = turn % transcript.turns.length;
          const control = await runTranscript({ transcript, bot: example.bot, actions: example.actions });
          const moved = await runTranscript({ transcript, bot: example.bot, actions: example.actions, republish: { beforeTurn, bot: republished(example, shuffle, round++) } });
          if (!moved.ok) throw new Error(moved.report);
          if (!control.ok) throw new Error(control.report);
          expect(moved.sent).toEqual(control.sent);
        },
      ),
      { numRuns: 60 },
    );
  });
});
