import { randomUUID } from 'node:crypto';
import type { Json } from '@switchboard/engine/schema';
import mongoose from 'mongoose';
import type { CatalogItem, CatalogKind, Channel, ConsentRecord, ConsentState, InboxOps, NoteRecord } from '../types.js';
import type { ConversationDoc, MessageDoc, Models } from './models.js';
import { isDuplicateKey } from './models.js';
import { toConversation, toMessage } from './mappers.js';

interface NoteDoc {
  _id: string;
  conversationId: string;
  operatorId: string;
  text: string;
  at: number;
}

interface ConsentDoc {
  channel: Channel;
  businessNumberId: string;
  customerId: string;
  state: ConsentState;
  source: string;
  at: number;
}

interface CatalogDoc {
  kind: CatalogKind;
  itemId: string;
  key: string;
  doc: Json;
  updatedAt: number;
}

interface PresenceDoc {
  _id: string;
  until: number;
}

const { Schema } = mongoose;
const options = { minimize: false, versionKey: false, autoIndex: false } as const;

const noteSchema = new Schema(
  { _id: { type: String, required: true }, conversationId: { type: String, required: true }, operatorId: { type: String, required: true }, text: { type: String, required: true }, at: { type: Number, required: true } },
  options,
);
noteSchema.index({ conversationId: 1, at: 1 });

const consentSchema = new Schema(
  {
    channel: { type: String, required: true },
    businessNumberId: { type: String, required: true },
    customerId: { type: String, required: true },
    state: { type: String, required: true },
    source: { type: String, required: true },
    at: { type: Number, required: true },
  },
  options,
);
consentSchema.index({ channel: 1, businessNumberId: 1, customerId: 1 }, { unique: true });

const catalogSchema = new Schema(
  {
    kind: { type: String, required: true },
    itemId: { type: String, required: true },
    key: { type: String, required: true },
    doc: { type: Schema.Types.Mixed, default: null },
    updatedAt: { type: Number, required: true },
  },
  options,
);
catalogSchema.index({ kind: 1, itemId: 1 }, { unique: true });
catalogSchema.index({ kind: 1, key: 1 }, { unique: true });

const presenceSchema = new Schema({ _id: { type: String, required: true }, until: { type: Number, required: true } }, options);
presenceSchema.index({ until: 1 });

const toNote = (d: NoteDoc): NoteRecord => ({ id: d._id, conversationId: d.conversationId, operatorId: d.operatorId, text: d.text, at: d.at });
const toConsent = (d: ConsentDoc): ConsentRecord => ({ channel: d.channel, businessNumberId: d.businessNumberId, customerId: d.customerId, state: d.state, source: d.source, at: d.at });
const toItem = (d: CatalogDoc): CatalogItem => ({ kind: d.kind, id: d.itemId, key: d.key, doc: d.doc, updatedAt: d.updatedAt });

/** What operators need beyond turns over MongoDB: notes, consent, the catalog, presence. */
export async function createInboxOps(connection: mongoose.Connection, models: Models): Promise<InboxOps> {
  const Note = connection.model<NoteDoc>('Note', noteSchema, 'notes');
  const Consent = connection.model<ConsentDoc>('Consent', consentSchema, 'consents');
  const Catalog = connection.model<CatalogDoc>('CatalogItem', catalogSchema, 'catalog');
  const Presence = connection.model<PresenceDoc>('Presence', presenceSchema, 'presence');
  for (const model of [Note, Consent, Catalog, Presence]) await model.createIndexes();
  const { Conversation, Message } = models;

  return {
    async ensureConversation(input, now) {
      const key = { channel: input.channel, businessNumberId: input.businessNumberId, customerId: input.customerId };
      const insert = {
        $setOnInsert: {
          _id: randomUUID(),
          profileName: input.profileName,
          status: 'bot',
          queue: null,
          assigneeId: null,
          handoffReason: null,
          handoffAt: null,
          labels: [],
          snapshot: null,
          version: 0,
          lastInboundAt: null,
          createdAt: now,
          updatedAt: now,
          lease: null,
          lastTurnKey: null,
        },
      };
      for (let attempt = 0; ; attempt += 1) {
        try {
          const doc = await Conversation.findOneAndUpdate(key, insert, { upsert: true, new: true }).lean<ConversationDoc>();
          if (doc) return toConversation(doc);
        } catch (error) {
          if (!isDuplicateKey(error) || attempt > 2) throw error;
        }
      }
    },
    async getMessage(id) {
      const doc = await Message.findById(id).lean<MessageDoc>();
      return doc ? toMessage(doc) : null;
    },
    async addNote(note) {
      const doc: NoteDoc = { _id: randomUUID(), ...note };
      await Note.create(doc);
      return toNote(doc);
    },
    async listNotes(conversationId) {
      return (await Note.find({ conversationId }).sort({ at: 1, _id: 1 }).lean<NoteDoc[]>()).map(toNote);
    },
    async getConsent(channel, businessNumberId, customerId) {
      const doc = await Consent.findOne({ channel, businessNumberId, customerId }).lean<ConsentDoc>();
      return doc ? toConsent(doc) : null;
    },
    async setConsent(record) {
      const { channel, businessNumberId, customerId, state, source, at } = record;
      await Consent.updateOne({ channel, businessNumberId, customerId }, { $set: { state, source, at } }, { upsert: true });
    },
    async listCatalog(kind) {
      return (await Catalog.find({ kind }).sort({ key: 1 }).lean<CatalogDoc[]>()).map(toItem);
    },
    async getCatalogItem(kind, id) {
      const doc = await Catalog.findOne({ kind, itemId: id }).lean<CatalogDoc>();
      return doc ? toItem(doc) : null;
    },
    async findCatalogItem(kind, key) {
      const doc = await Catalog.findOne({ kind, key }).lean<CatalogDoc>();
      return doc ? toItem(doc) : null;
    },
    async putCatalogItem(item) {
      try {
        await Catalog.updateOne({ kind: item.kind, itemId: item.id }, { $set: { key: item.key, doc: item.doc, updatedAt: item.updatedAt } }, { upsert: true });
        return { ok: true };
      } catch (error) {
        if (isDuplicateKey(error)) return { ok: false, reason: 'duplicate' };
        throw error;
      }
    },
    async deleteCatalogItem(kind, id) {
      return (await Catalog.deleteOne({ kind, itemId: id })).deletedCount === 1;
    },
    async touchPresence(userId, until) {
      await Presence.updateOne({ _id: userId }, { $max: { until } }, { upsert: true });
    },
    async presentUsers(now) {
      return (await Presence.find({ until: { $gt: now } }).sort({ _id: 1 }).lean<PresenceDoc[]>()).map((d) => d._id);
    },
  };
}
