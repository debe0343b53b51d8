import type { Logger } from '../logger.js';
import type { Store } from './types.js';

export type * from './types.js';
export { StoreError, type StoreErrorCode } from './StoreError.js';

/**
 * The store the configuration asks for: MongoDB when `mongodbUri` is set, otherwise the embedded
 * file store in `dataDir`. Each adapter is imported only when chosen, so an embedded deployment
 * never loads mongoose and a mongo one never opens SQLite. `worker` runs the embedded store on its
 * own thread (what the server does; tests that build many apps keep it in-thread).
 */
export async function createStore(
  config: { mongodbUri?: string; dataDir: string },
  options: { worker?: boolean; logger?: Pick<Logger, 'info' | 'error'> } = {},
): Promise<Store> {
  if (config.mongodbUri) {
    const { createMongoStore } = await import('./mongo/createMongoStore.js');
    return createMongoStore({ uri: config.mongodbUri });
  }
  if (options.worker) {
    const { createWorkerStore } = await import('./embedded/createWorkerStore.js');
    const { logger } = options;
    return createWorkerStore(
      { dataDir: config.dataDir },
      {
        onThreadEvent: (event) => {
          if (event.kind === 'stopped') logger?.error({ reason: event.error }, "the store's thread stopped; opening the store again");
          else if (event.kind === 'restart-failed') logger?.error({ reason: event.error }, 'the store could not be opened again; retrying');
          else logger?.info({ afterMs: event.after }, 'the store is open again');
        },
      },
    );
  }
  const { createEmbeddedStore } = await import('./embedded/createEmbeddedStore.js');
  return createEmbeddedStore({ dataDir: config.dataDir });
}
