import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, PAGE_SIZE } from './openDatabase.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('openDatabase', () => {
  it('creates a new file with small pages in WAL mode with full syncs', async () => {
    const root = await mkdtemp(join(tmpdir(), 'switchboard-open-'));
    roots.push(root);
    const db = openDatabase({ dataDir: root });
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('keeps the page size of an existing file and brings its schema up to date', async () => {
    const root = await mkdtemp(join(tmpdir(), 'switchboard-open-'));
    roots.push(root);
    const file = join(root, 'switchboard.sqlite');
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE leftover (a)');
    old.close();
    const db = openDatabase({ file });
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'conversations'").get()).toEqual({ n: 1 });
    db.close();
  });
});
