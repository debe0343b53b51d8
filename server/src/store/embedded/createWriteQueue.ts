import type Database from 'better-sqlite3';

/**
 * Runs `work` inside a write transaction and settles once that transaction is durably committed.
 * `urgent` writes (a webhook waiting to answer) commit on the next turn of the event loop in a
 * batch of their own, ahead of the other writes queued by then.
 */
export type WriteQueue = <T>(work: () => T, options?: { urgent?: boolean }) => Promise<T>;

interface Pending {
  run(): void;
  settle(): void;
  fail(error: unknown): void;
}

/**
 * Group commit. With `synchronous=FULL` each commit costs a disk sync (about a third of a
 * millisecond here), far more than the work inside it. Writes asked for in the same turn of the
 * event loop run one after another in a single IMMEDIATE transaction (so no other process
 * interleaves with a read-then-write), each inside its own savepoint: a write that throws is undone
 * and rejected alone, the others commit together, and no promise settles before the commit is on
 * disk. Writes run in the order asked, except that urgent ones go ahead of ordinary ones still
 * waiting (urgent ones keep their order among themselves).
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
  // Under load, ordinary commits are spaced at least this far apart so each disk sync carries more
  // writes; when idle a write still commits on the next turn of the event loop.
  const lingerMs = options.lingerMs ?? 2;
  let lastFlush = 0;
  let ordinary: Pending[] = [];
  let urgent: Pending[] = [];
  const savepoint = db.prepare('SAVEPOINT write');
  const release = db.prepare('RELEASE write');
  const rollbackTo = db.prepare('ROLLBACK TO write');

  const runBatch = db.transaction((batch: Pending[]) => {
    for (const item of batch) item.run();
    options.beforeCommit?.();
  });

  const commit = (batch: Pending[]): void => {
    try {
      runBatch.immediate(batch);
    } catch (error) {
      options.onRollback?.();
      for (const item of batch) item.fail(error);
      return;
    }
    for (const item of batch) item.settle();
  };
  const flushUrgent = (): void => {
    const batch = urgent;
    urgent = [];
    commit(batch);
  };
  const flushOrdinary = (): void => {
    lastFlush = performance.now();
    const batch = ordinary;
    ordinary = [];
    commit(batch);
  };

  return <T>(work: () => T, writeOptions: { urgent?: boolean } = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let outcome: { ok: true; value: T } | { ok: false; error: unknown } = { ok: false, error: new Error('write did not run') };
      const item: Pending = {
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
      };
      if (writeOptions.urgent) {
        if (urgent.length === 0) setImmediate(flushUrgent);
        urgent.push(item);
        return;
      }
      if (ordinary.length === 0) {
        const wait = lastFlush + lingerMs - performance.now();
        if (wait > 0) setTimeout(flushOrdinary, wait);
        else setImmediate(flushOrdinary);
      }
      ordinary.push(item);
    });
}
