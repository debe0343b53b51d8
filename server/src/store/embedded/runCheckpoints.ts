import type Database from 'better-sqlite3';

export interface CheckpointOptions {
  /** Pause between rounds while the log is quiet. */
  intervalMs?: number;
  /** Most passes in one round. */
  maxPasses?: number;
}

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Keeps the write-ahead log short from a connection that never writes. Every `intervalMs` a round
 * of PASSIVE checkpoints copies the logged pages into the data file; passive means it neither waits
 * for nor blocks the store's writer. The writer can start the log over only once every frame in it
 * has been copied, and under load it appends while a pass runs, so a round repeats its passes (each
 * shorter than the one before) until the log stops moving or starts over, at most `maxPasses` times.
 *
 * Another process's checkpoint or a locked file just skips a pass. Returns a function that stops
 * the rounds.
 */
export function runCheckpoints(db: Database.Database, options: CheckpointOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? 200;
  const maxPasses = options.maxPasses ?? 20;
  db.pragma('busy_timeout = 0');
  db.pragma('wal_autocheckpoint = 0');
  const checkpoint = db.prepare<[], CheckpointResult>('PRAGMA wal_checkpoint(PASSIVE)');
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastLog = 0;
  let passes = 0;

  const pass = (): void => {
    if (stopped) return;
    let again = false;
    try {
      const result = checkpoint.get();
      if (result) {
        // Frames were added, or the log started over, since the last pass: there may be more to copy.
        again = result.log > 0 && (result.log !== lastLog || result.checkpointed < result.log);
        lastLog = result.log;
      }
    } catch {
      // SQLITE_BUSY or similar: someone else holds the checkpoint lock; try again next round.
    }
    passes = again ? passes + 1 : 0;
    if (passes >= maxPasses) passes = 0;
    timer = setTimeout(pass, passes > 0 ? 0 : intervalMs);
  };

  timer = setTimeout(pass, intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
