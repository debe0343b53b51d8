import type Database from 'better-sqlite3';

/** Runs `work` inside a write transaction and settles once that transaction is durably committed. */
export type WriteQueue = <T>(work: () => T) => Promise<T>;

interface Pending {
  run(): void;
  settle(): void;
  fail(error: unknown): void;
}

/**
 * Group commit. With `synchronous=FULL` each commit costs a disk sync (about a millisecond here),
 * far more than the work inside it. Writes asked for in the same turn of the event loop run one
 * after another in a single IMMEDIATE transaction (so no other process interleaves with a
 * read-then-write), each inside its own savepoint: a write that throws is undone and rejected alone,
 * the others commit together, and no promise settles before the commit is on disk.
 */
export function createWriteQueue(
  db: Database.Database,
  options: {
    lingerMs?: number;
    /** Runs inside each batch's transaction after its writes (e.g. to add up counters once per batch). */
    beforeCommit?: () => void;
    /** Runs when a batch's transaction failed and rolled back. */
    onRollback?: () => void;
  } = {},
): WriteQueue {
  // Under load, commits are spaced at least this far apart so each disk sync carries more writes;
  // when idle a write still commits on the next turn of the event loop.
  const lingerMs = options.lingerMs ?? 2;
  let lastFlush = 0;
  let pending: Pending[] = [];
  const savepoint = db.prepare('SAVEPOINT write');
  const release = db.prepare('RELEASE write');
  const rollbackTo = db.prepare('ROLLBACK TO write');

  const runBatch = db.transaction((batch: Pending[]) => {
    for (const item of batch) item.run();
    options.beforeCommit?.();
  });

  const flush = (): void => {
    lastFlush = performance.now();
    const batch = pending;
    pending = [];
    try {
      runBatch.immediate(batch);
    } catch (error) {
      options.onRollback?.();
      for (const item of batch) item.fail(error);
      return;
    }
    for (const item of batch) item.settle();
  };

  return <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let outcome: { ok: true; value: T } | { ok: false; error: unknown } = { ok: false, error: new Error('write did not run') };
      if (pending.length === 0) {
        const wait = lastFlush + lingerMs - performance.now();
        if (wait > 0) setTimeout(flush, wait);
        else setImmediate(flush);
      }
      pending.push({
        run() {
          savepoint.run();
          try {
            outcome = { ok: true, value: work() };
            release.run();
          } catch (error) {
            rollbackTo.run();
            release.run();
            outcome = { ok: false, error };
          }
        },
        settle() {
          if (outcome.ok) resolve(outcome.value);
          else reject(outcome.error);
        },
        fail: reject,
      });
    });
}
