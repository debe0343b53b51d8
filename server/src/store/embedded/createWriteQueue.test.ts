import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWriteQueue } from './createWriteQueue.js';

describe('createWriteQueue', () => {
  let db: Database.Database;
  let commits: number;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE log (seq INTEGER PRIMARY KEY, what TEXT NOT NULL)');
    commits = 0;
  });
  afterEach(() => db.close());

  const logger = (write: ReturnType<typeof createWriteQueue>) => {
    const insert = db.prepare<[string]>('INSERT INTO log (what) VALUES (?)');
    return (what: string) => write(() => void insert.run(what));
  };
  const order = () => db.prepare<[], { what: string }>('SELECT what FROM log ORDER BY seq').all().map((r) => r.what);

  it('commits writes asked in one turn together, in order, once each', async () => {
    const write = createWriteQueue(db, { beforeCommit: () => (commits += 1) });
    const log = logger(write);
    await Promise.all([log('a'), log('b'), log('c')]);
    expect(order()).toEqual(['a', 'b', 'c']);
    expect(commits).toBe(1);
  });

  it('rejects a write that throws alone and commits the others', async () => {
    const write = createWriteQueue(db);
    const log = logger(write);
    const results = await Promise.allSettled([log('a'), write(() => { throw new Error('bad'); }), log('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(order()).toEqual(['a', 'c']);
  });

  it('forgets batch state when the whole transaction fails', async () => {
    let rolledBack = 0;
    const write = createWriteQueue(db, {
      beforeCommit: () => {
        throw new Error('disk full');
      },
      onRollback: () => (rolledBack += 1),
    });
    await expect(logger(write)('a')).rejects.toThrow('disk full');
    expect(rolledBack).toBe(1);
    expect(order()).toEqual([]);
  });
});
