import { setTimeout as delay } from 'node:timers/promises';
import { createEmbeddedStore } from '../createEmbeddedStore.js';

/**
 * A second OS process for the multi-process test: opens the same data file and competes for leases
 * or outbox claims, then reports what it won. Driven over the fork IPC channel.
 */
export type ContendTask = { mode: 'lease'; dataDir: string; owner: string; now: number; conversationIds: string[] } | { mode: 'claim'; dataDir: string; owner: string; now: number };
export type ContendReport = { ready: true } | { won: string[] };

const send = (report: ContendReport): void => {
  process.send?.(report);
};

process.once('message', (task: ContendTask) => {
  void run(task).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});

async function run(task: ContendTask): Promise<void> {
  const store = await createEmbeddedStore({ dataDir: task.dataDir });
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    send({ ready: true });
  });
  const won: string[] = [];
  if (task.mode === 'lease') {
    for (const id of task.conversationIds) {
      if (await store.acquireLease(id, task.owner, task.now, 60_000)) won.push(id);
    }
  } else {
    // Stop after a stretch of empty claims: the other process may briefly hold every head.
    for (let idle = 0; idle < 200; ) {
      const claimed = await store.claimOutbox(task.owner, task.now, 60_000, 4);
      if (claimed.length === 0) {
        idle += 1;
        await delay(1);
        continue;
      }
      idle = 0;
      for (const message of claimed) {
        won.push(message.id);
        await store.markSent(message.id, `wamid.${message.id}`, task.now);
      }
      // Give the other process a turn, as a real dispatcher does between sends.
      await delay(1);
    }
  }
  await store.close();
  send({ won });
  process.disconnect();
}
