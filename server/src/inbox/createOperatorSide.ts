import type { ActionRegistry } from '../actions/types.js';
import { createApiKeyService } from '../auth/createApiKeyService.js';
import { createUserService } from '../auth/createUserService.js';
import type { BotRegistry } from '../bot/createBotRegistry.js';
import { createOperatorTurns } from '../conversations/createOperatorTurns.js';
import type { Route } from '../http/route.js';
import { catalogRoutes } from '../http/routes/catalogRoutes.js';
import { inboxRoutes } from '../http/routes/inboxRoutes.js';
import { notificationRoutes } from '../http/routes/notificationRoutes.js';
import { settingsRoutes } from '../http/routes/settingsRoutes.js';
import { userRoutes } from '../http/routes/userRoutes.js';
import type { Logger } from '../logger.js';
import { createNotificationService } from '../notifications/createNotificationService.js';
import { createSettingsService } from '../settings/createSettingsService.js';
import type { Conversation, StoredMessage, Store } from '../store/types.js';
import { DEFAULT_LABELS, LabelSchema, QuickReplySchema, TemplateSchema } from './catalogSchemas.js';
import { createAutoAssigner } from './createAutoAssigner.js';
import { createCatalogService } from './createCatalogService.js';
import { createInboxService } from './createInboxService.js';
import { createRealtimeHub } from './createRealtimeHub.js';
import { toHistoryItem, toSummary } from './conversationView.js';

const LABELS_SEEDED_KEY = 'labels.seeded';

/**
 * Everything operators and admins use beside the bot: accounts and API keys, the inbox with its
 * live stream and auto-assignment, quick replies, labels, templates, settings and notifications.
 * Returns the routes and the hooks the processor, dispatcher and webhook call.
 */
export function createOperatorSide(deps: {
  store: Store;
  bots: BotRegistry;
  actions: ActionRegistry;
  logger: Logger;
  clock: () => number;
  owner: string;
  /** WHATSAPP_PHONE_NUMBER_ID: where notifications go out from. */
  businessNumberId: string | undefined;
  /** Wakes the processor (messages that arrived during an operator turn) and the outbox. */
  kickProcessor: (conversationId: string) => void;
  kickDispatcher: () => void;
}) {
  const { store, clock, logger } = deps;
  const quickReplies = createCatalogService({ store, clock, kind: 'quickReply', schema: QuickReplySchema, keyOf: (q) => q.shortcut, what: 'quick reply' });
  const labels = createCatalogService({ store, clock, kind: 'label', schema: LabelSchema, keyOf: (l) => l.name.toLowerCase(), what: 'label' });
  const templates = createCatalogService({ store, clock, kind: 'template', schema: TemplateSchema, keyOf: (t) => `${t.name}:${t.language}`, what: 'template' });

  const onCommitted = (conversation: Conversation, outbound: StoredMessage[]): void => {
    if (outbound.length > 0) deps.kickDispatcher();
    hub.publish({ type: 'conversation', conversationId: conversation.id, data: { conversation: toSummary(conversation, clock()) } });
    if (outbound.length > 0) hub.publish({ type: 'message', conversationId: conversation.id, data: { messages: outbound.map(toHistoryItem) } });
    if (conversation.status === 'queued') void autoAssigner.run();
  };
  const runTurn = createOperatorTurns({ store, bots: deps.bots, actions: deps.actions, clock, owner: deps.owner, onCommitted, afterRelease: deps.kickProcessor });
  const autoAssigner = createAutoAssigner({ store, clock, runTurn, logger });
  const hub = createRealtimeHub({ store, clock, logger, onOnline: () => void autoAssigner.run() });
  const inbox = createInboxService({ store, bots: deps.bots, clock, runTurn, hub, quickReplies, templates, onCapacityChanged: () => void autoAssigner.run() });
  const users = createUserService({ store, clock });
  const apiKeys = createApiKeyService({ store, clock });
  const settings = createSettingsService({ store, bots: deps.bots, clock });
  const notifications = createNotificationService({ store, bots: deps.bots, clock, runTurn, templates, businessNumberId: deps.businessNumberId });

  const publishStatus = (message: StoredMessage): void => {
    hub.publish({ type: 'status', conversationId: message.conversationId, data: { messageId: message.id, state: message.state, statusAt: message.statusAt, error: message.error } });
  };

  const routes: Route[] = [
    ...inboxRoutes({ inbox, hub }),
    ...catalogRoutes({ quickReplies, labels, templates }),
    ...userRoutes({ users, apiKeys }),
    ...settingsRoutes(settings),
    ...notificationRoutes(notifications),
  ];

  return {
    routes,
    apiKeys,
    runTurn,
    hub,
    autoAssigner,
    /** For the processor: a turn was committed. */
    onCommitted,
    /** For the dispatcher: a message was sent or failed for good (as the store now holds it). */
    onSettled(message: StoredMessage): void {
      publishStatus(message);
    },
    /** For the webhook: delivery statuses moved these messages. */
    onStatus(messageIds: string[]): void {
      for (const id of messageIds) void store.getMessage(id).then((fresh) => fresh && publishStatus(fresh));
    },
    /** Seeds the default labels once, then starts the auto-assign sweep. */
    async start(): Promise<void> {
      if ((await store.getSetting(LABELS_SEEDED_KEY)) === null) {
        if ((await labels.list()).length === 0) for (const label of DEFAULT_LABELS) await labels.create(label);
        await store.putSetting(LABELS_SEEDED_KEY, true, clock());
      }
      autoAssigner.start();
    },
    async stop(): Promise<void> {
      hub.close();
      await autoAssigner.stop();
    },
  };
}

export type OperatorSide = ReturnType<typeof createOperatorSide>;
