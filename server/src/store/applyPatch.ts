import type { Conversation, TurnCommit } from './types.js';

type Patch = NonNullable<TurnCommit['patch']>;

/** The conversation with the turn's patch applied; keys present but `undefined` leave a field as it was. */
export function applyPatch(conversation: Conversation, patch: Patch | undefined): Conversation {
  const next = { ...conversation };
  if (!patch) return next;
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.queue !== undefined) next.queue = patch.queue;
  if (patch.assigneeId !== undefined) next.assigneeId = patch.assigneeId;
  if (patch.handoffReason !== undefined) next.handoffReason = patch.handoffReason;
  if (patch.handoffAt !== undefined) next.handoffAt = patch.handoffAt;
  if (patch.labels !== undefined) next.labels = [...patch.labels];
  if (patch.profileName !== undefined) next.profileName = patch.profileName;
  return next;
}
