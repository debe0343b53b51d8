import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('switchboard nlu eval', () => {
  it('prints one JSON line with the scores when given a training and test set', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-cli-'));
    const file = path.join(dir, 'data.json');
    const train = [
      ...['where is my order', 'track my parcel', 'has my package shipped', 'delivery status please', 'when will my order arrive'].map((text) => ({ text, intent: 'order' })),
      ...['what time do you open', 'opening hours', 'are you open on sunday', 'when do you close', 'working hours'].map((text) => ({ text, intent: 'hours' })),
    ];
    await writeFile(file, JSON.stringify({ locale: 'en', train, test: [{ text: 'where is my package', intent: 'order' }, { text: 'what are your hours', intent: 'hours' }] }));
    const { code, out } = await run(['nlu', 'eval', '--data', file]);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const report: unknown = JSON.parse(out);
    expect(report).toEqual({ accuracy: 1, macroF1: 1, trainMs: expect.any(Number), p50Us: expect.any(Number), p99Us: expect.any(Number), n: 2 });
  });

  it('explains what is wrong with a file that is not an evaluation file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-cli-'));
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ locale: 'en', train: [] }));
    const { code, err } = await run(['nlu', 'eval', '--data', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/train/);
    expect(err).toMatch(/test/);
  });

  it('prints usage for an unknown command', async () => {
    const { code, err } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toMatch(/Usage/);
  });
});
