import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { evaluateNlu } from '@switchboard/engine';

const EvalFileSchema = z.object({
  locale: z.string().min(2),
  train: z.array(z.object({ text: z.string(), intent: z.string().min(1) })).min(1),
  test: z.array(z.object({ text: z.string(), intent: z.string().min(1) })).min(1),
});

const USAGE = `Usage:
  switchboard nlu eval --data FILE   Train the engine's NLU on FILE's "train" set, classify its "test"
                                     set, and print one JSON line: accuracy, macroF1, trainMs, p50Us, p99Us.
                                     FILE: { "locale": "en", "train": [{"text","intent"}], "test": [{"text","intent"}] }`;

/** The `switchboard` command. Returns the exit code; writes only to the given streams. */
export async function runCli(argv: readonly string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group !== 'nlu' || command !== 'eval') {
    io.err(`${USAGE}\n`);
    return group === undefined || group === '--help' || group === '-h' ? 0 : 2;
  }
  const dataIndex = rest.indexOf('--data');
  const file = dataIndex >= 0 ? rest[dataIndex + 1] : undefined;
  if (!file) {
    io.err(`Missing --data FILE.\n${USAGE}\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.err(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const data = EvalFileSchema.safeParse(raw);
  if (!data.success) {
    io.err(`${file} is not an evaluation file:\n${data.error.issues.map((i) => `  - ${i.path.join('.') || 'file'}: ${i.message}`).join('\n')}\n`);
    return 1;
  }
  const report = evaluateNlu(data.data);
  io.out(`${JSON.stringify({ accuracy: report.accuracy, macroF1: report.macroF1, trainMs: report.trainMs, p50Us: report.p50Us, p99Us: report.p99Us, n: report.n })}\n`);
  return 0;
}
