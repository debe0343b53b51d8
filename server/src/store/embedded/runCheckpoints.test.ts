import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { INLINE_CHECKPOINT_PAGES, openDatabase } from './openDatabase.js';
import { runCheckpoints } from './runCheckpoints.js';
import { FALLBACK_CHECKPOINT_PAGES, startCheckpointThread } from './startCheckpointThread.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function freshFile(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'switchboard-checkpoint-'));
  roots.push(root);
  return join(root, 'switchboard.sqlite');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `count` small transactions, yielding between them as the store's write queue does. */
async function writeSome(db: Database.Database, count: number): Promise<void> {
  db.exec('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body BLOB)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  for (let i = 0; i < count; i++) {
    insert.run(Buffer.alloc(3000));
    await sleep(1);
  }
}

/** Frames now in the log, as a bystander connection sees them (its own pass copies them too). */
function framesInLog(file: string): number {
  const bystander = new Database(file);
  const [result] = bystander.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  bystander.close();
  return result?.log ?? -1;
}

describe('runCheckpoints', () => {
  it('lets a busy writer start its log over, where without it the log only grows', async () => {
    const withRounds = await freshFile();
    const without = await freshFile();
    const logs: number[] = [];
    for (const file of [withRounds, without]) {
      const writer = openDatabase({ file });
      writer.pragma('wal_autocheckpoint = 0');
      const checkpointer = new Database(file);
      const stop = file === withRounds ? runCheckpoints(checkpointer, { intervalMs: 5 }) : () => undefined;
      await writeSome(writer, 200);
      await sleep(50); // a round or two with the writer quiet
      await writeSome(writer, 1); // the first write after a complete checkpoint starts the log over
      stop();
      logs.push(framesInLog(file));
      checkpointer.close();
      writer.close();
    }
    const [kept, grown] = logs as [number, number];
    expect(grown).toBeGreaterThan(400); // 200 rows of 3 kB on 2 KiB pages
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(10);
  });

  it('stops when told', async () => {
    const file = await freshFile();
    const writer = openDatabase({ file });
    writer.pragma('wal_autocheckpoint = 0');
    const checkpointer = new Database(file);
    const stop = runCheckpoints(checkpointer, { intervalMs: 5 });
    stop();
    await writeSome(writer, 50);
    await sleep(30);
    expect(framesInLog(file)).toBeGreaterThan(100);
    checkpointer.close();
    writer.close();
  });
});

describe('startCheckpointThread', () => {
  it('checkpoints from its thread while the writer keeps only a far-off fallback', async () => {
    const file = await freshFile();
    const writer = openDatabase({ file });
    const thread = startCheckpointThread(writer);
    expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_CHECKPOINT_PAGES);
    await writeSome(writer, 200);
    await sleep(400); // the thread's round runs every 200 ms
    await writeSome(writer, 1);
    expect(framesInLog(file)).toBeLessThan(10);
    await thread.stop();
    // Stopped means its connection is shut: the writer's is now the last, and closing it removes the log.
    writer.close();
    await expect(access(`${file}-wal`)).rejects.toThrow(/ENOENT/);
  });

  it('hands checkpoints back to the writer if its thread stops unexpectedly', async () => {
    const file = await freshFile();
    const writer = openDatabase({ file });
    startCheckpointThread(writer, () => new Worker('process.exit(3)', { eval: true }));
    await expect.poll(() => writer.pragma('wal_autocheckpoint', { simple: true })).toBe(INLINE_CHECKPOINT_PAGES);
    writer.close();
  });
});
