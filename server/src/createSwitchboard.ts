import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createDemoActions } from './actions/createDemoActions.js';
import { readHttpActions } from './actions/readHttpActions.js';
import type { ActionHandler } from './actions/types.js';
import { createAuthService } from './auth/authService.js';
import { createBotRegistry } from './bot/createBotRegistry.js';
import { seedExamples } from './bot/seedExamples.js';
import { createCloudApiClient } from './channels/whatsapp/index.js';
import { createWebhookHandler } from './channels/whatsapp/webhookHandler.js';
import { createPreviewService } from './channels/webchat/createPreviewService.js';
import type { Config } from './config.js';
import { createProcessor, type ProcessorDeps } from './conversations/createProcessor.js';
import { createFlowService } from './flows/flowService.js';
import { createOperatorSide } from './inbox/createOperatorSide.js';
import { createApp } from './http/createApp.js';
import { authRoutes } from './http/routes/authRoutes.js';
import { conversationRoutes } from './http/routes/conversationRoutes.js';
import { flowRoutes } from './http/routes/flowRoutes.js';
import { metaRoutes } from './http/routes/metaRoutes.js';
import { previewRoutes } from './http/routes/previewRoutes.js';
import { statsRoutes } from './http/routes/statsRoutes.js';
import { createStatsService } from './stats/createStatsService.js';
import type { Logger } from './logger.js';
import { createDispatcher, DELIVERIES_IN_FLIGHT, type DispatcherDeps } from './outbox/createDispatcher.js';
import { createStore } from './store/index.js';
import type { Store } from './store/types.js';

export const REPO_FLOWS_DIR = fileURLToPath(new URL('../../flows', import.meta.url));

export interface SwitchboardOptions {
  config: Config;
  logger: Logger;
  clock?: () => number;
  /** An already-open store (tests); otherwise one is opened from the config. */
  store?: Store;
  flowsDir?: string;
  /** Run the embedded store on its own thread (the server does; in-process tests need not). */
  storeInWorker?: boolean;
  /** Extra or replacement actions (tests). */
  actions?: Record<string, ActionHandler>;
  processor?: Partial<Pick<ProcessorDeps, 'pollMs' | 'leaseMs' | 'beforeCommit' | 'concurrency' | 'maxAttempts' | 'retryDelayMs' | 'maxRetryDelayMs'>>;
  dispatcher?: Partial<Pick<DispatcherDeps, 'pollMs' | 'random' | 'afterAccepted' | 'beforeSend' | 'maxAttempts' | 'claimTtlMs'>>;
  designerDir?: string;
}

export interface Switchboard {
  url: string;
  server: Server;
  store: Store;
  processor: ReturnType<typeof createProcessor>;
  dispatcher: ReturnType<typeof createDispatcher>;
  admin: { created: boolean; generatedPassword: string | null };
  seeded: { loaded: string[]; skipped: string[] };
  /** Stops taking requests, finishes the turns in flight, closes the store. */
  stop(): Promise<void>;
}

/**
 * Wires every piece together and starts listening: store, bot, processor, outbox, HTTP.
 *
 * @example const sb = await startSwitchboard({ config, logger }); console.log(sb.url);
 */
export async function startSwitchboard(options: SwitchboardOptions): Promise<Switchboard> {
  const { config, logger } = options;
  const clock = options.clock ?? Date.now;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const store = options.store ?? (await createStore({ dataDir: config.dataDir, ...(config.mongodbUri ? { mongodbUri: config.mongodbUri } : {}) }, { worker: options.storeInWorker ?? false, logger }));
  const flowsDir = options.flowsDir ?? config.flowsDir ?? REPO_FLOWS_DIR;

  const actions = new Map<string, ActionHandler>(await createDemoActions(path.join(flowsDir, 'data')));
  for (const [name, handler] of await readHttpActions(store, logger)) actions.set(name, handler);
  for (const [name, handler] of Object.entries(options.actions ?? {})) actions.set(name, handler);

  const auth = await createAuthService({ store, clock });
  const admin = await auth.ensureAdmin(config.admin);
  const seeded = await seedExamples({ store, logger, flowsDir, clock });
  const bots = createBotRegistry({ store, logger, actionNames: [...actions.keys()], clock });
  await bots.reload();

  const cloudApi = config.whatsapp.accessToken
    ? createCloudApiClient({ baseUrl: config.whatsapp.apiUrl, accessToken: config.whatsapp.accessToken, connections: DELIVERIES_IN_FLIGHT })
    : null;
  const dispatcher = createDispatcher({ store, cloudApi, logger, clock, owner, ...options.dispatcher, onSettled: (message) => operators.onSettled(message) });
  const processor = createProcessor({
    store,
    bots,
    actions,
    logger,
    clock,
    owner,
    ...options.processor,
    onCommitted: (conversation, outbound) => operators.onCommitted(conversation, outbound),
    // Blue ticks for the customer: best effort, never retried (a lost read receipt harms nothing).
    onBotHandled: (conversation, message) => {
      if (cloudApi && conversation.channel === 'whatsapp' && message.wamid) void cloudApi.markAsRead(conversation.businessNumberId, message.wamid);
    },
  });
  const operators = createOperatorSide({
    store,
    bots,
    actions,
    logger,
    clock,
    owner,
    businessNumberId: config.whatsapp.phoneNumberId,
    kickProcessor: (id) => processor.kick(id),
    kickDispatcher: () => dispatcher.kick(),
  });
  const flows = createFlowService({ store, bots, clock });
  const preview = createPreviewService({ store, actions, clock });
  const routes = [
    ...authRoutes(auth),
    ...flowRoutes(flows),
    ...previewRoutes(preview),
    ...metaRoutes({ store, bots, clock }),
    ...conversationRoutes(store),
    ...operators.routes,
    ...statsRoutes(createStatsService({ store, flows, clock })),
  ];
  const app = createApp({
    store,
    auth,
    logger,
    routes,
    apiKeys: operators.apiKeys,
    ...(options.designerDir ? { designerDir: options.designerDir } : {}),
  });

  // The webhook is answered before the app sees the request: see createWebhookHandler.
  const webhook = createWebhookHandler({ config: config.whatsapp, store, logger, clock, onStored: (ids) => ids.forEach((id) => processor.kick(id)), onStatus: (ids) => operators.onStatus(ids) });
  const server = createServer((req, res) => {
    if (!webhook(req, res)) app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address() as AddressInfo;
  processor.start();
  dispatcher.start();
  await operators.start();

  let stopping: Promise<void> | null = null;
  return {
    url: `http://localhost:${address.port}`,
    server,
    store,
    processor,
    dispatcher,
    admin,
    seeded,
    stop() {
      stopping ??= (async () => {
        await operators.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await processor.stop();
        await dispatcher.stop();
        if (!options.store) await store.close();
      })();
      return stopping;
    },
  };
}
