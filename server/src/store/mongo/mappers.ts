import type { AnalyticsEvent, Conversation, FlowRecord, FlowVersion, StoredMessage, TimerRecord, UserRecord } from '../types.js';
import type { ConversationDoc, EventDoc, FlowDoc, FlowVersionDoc, MessageDoc, TimerDoc, UserDoc } from './models.js';

// Documents read with `lean()` carry storage-only fields (_id, leases, claims); these map them to
// the domain shapes and drop the rest.

export function toConversation(doc: ConversationDoc): Conversation {
  return {
    id: doc._id,
    channel: doc.channel,
    businessNumberId: doc.businessNumberId,
    customerId: doc.customerId,
    profileName: doc.profileName ?? null,
    status: doc.status,
    queue: doc.queue ?? null,
    assigneeId: doc.assigneeId ?? null,
    handoffReason: doc.handoffReason ?? null,
    handoffAt: doc.handoffAt ?? null,
    labels: [...doc.labels],
    snapshot: doc.snapshot ?? null,
    version: doc.version,
    lastInboundAt: doc.lastInboundAt ?? null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toMessage(doc: MessageDoc): StoredMessage {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    direction: doc.direction,
    sender: doc.sender,
    wamid: doc.wamid ?? null,
    content: doc.content,
    at: doc.at,
    seq: doc.seq,
    state: doc.state,
    turnKey: doc.turnKey ?? null,
    attempts: doc.attempts,
    nextAttemptAt: doc.nextAttemptAt ?? null,
    error: doc.error ?? null,
    operatorId: doc.operatorId ?? null,
    statusAt: { ...doc.statusAt },
  };
}

export function toTimer(doc: TimerDoc): TimerRecord {
  return { conversationId: doc.conversationId, timerId: doc.timerId, fireAt: doc.fireAt };
}

export function toEvent(doc: EventDoc): AnalyticsEvent {
  return { conversationId: doc.conversationId, type: doc.type, at: doc.at, flowId: doc.flowId ?? null, nodeId: doc.nodeId ?? null, data: doc.data ?? null };
}

export function toFlow(doc: FlowDoc): FlowRecord {
  return {
    id: doc._id,
    name: doc.name,
    draft: doc.draft,
    revision: doc.revision,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy ?? null,
    publishedVersion: doc.publishedVersion ?? null,
    deletedAt: doc.deletedAt ?? null,
  };
}

export function toFlowVersion(doc: FlowVersionDoc): FlowVersion {
  return { flowId: doc.flowId, version: doc.version, doc: doc.doc, publishedAt: doc.publishedAt, publishedBy: doc.publishedBy ?? null, summary: doc.summary };
}

export function toUser(doc: UserDoc): UserRecord {
  return { id: doc._id, email: doc.email, name: doc.name, role: doc.role, passwordHash: doc.passwordHash, disabled: doc.disabled, createdAt: doc.createdAt };
}
