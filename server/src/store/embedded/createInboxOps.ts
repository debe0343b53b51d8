import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CatalogItem, CatalogKind, Channel, ConsentRecord, ConsentState, InboxOps, NoteRecord } from '../types.js';
import type { WriteQueue } from './createWriteQueue.js';
import type { ConversationRow, MessageRow } from './rows.js';
import { parseJson, toConversation, toMessage } from './rows.js';

interface NoteRow {
  id: string;
  conversation_id: string;
  operator_id: string;
  text: string;
  at: number;
}

interface ConsentRow {
  channel: Channel;
  business_number_id: string;
  customer_id: string;
  state: ConsentState;
  source: string;
  at: number;
}

interface CatalogRow {
  kind: CatalogKind;
  id: string;
  key: string;
  doc: string;
  updated_at: number;
}

const toNote = (row: NoteRow): NoteRecord => ({ id: row.id, conversationId: row.conversation_id, operatorId: row.operator_id, text: row.text, at: row.at });
const toConsent = (row: ConsentRow): ConsentRecord => ({
  channel: row.channel,
  businessNumberId: row.business_number_id,
  customerId: row.customer_id,
  state: row.state,
  source: row.source,
  at: row.at,
});
const toItem = (row: CatalogRow): CatalogItem => ({ kind: row.kind, id: row.id, key: row.key, doc: parseJson(row.doc), updatedAt: row.updated_at });

/** What operators need beyond turns over SQLite: notes, consent, the catalog, presence. */
export function createInboxOps(db: Database.Database, write: WriteQueue): InboxOps {
  const conversationByCustomer = db.prepare<[Channel, string, string], ConversationRow>(
    'SELECT * FROM conversations WHERE channel = ? AND business_number_id = ? AND customer_id = ?',
  );
  const insertConversation = db.prepare<[ConversationRow]>(
    `INSERT INTO conversations VALUES (@id, @channel, @business_number_id, @customer_id, @profile_name, @status, @queue,
       @assignee_id, @handoff_reason, @handoff_at, @labels, @snapshot, @version, @last_inbound_at, @created_at, @updated_at)
     ON CONFLICT (channel, business_number_id, customer_id) DO NOTHING`,
  );
  const messageById = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?');
  const insertNote = db.prepare<[NoteRow]>('INSERT INTO notes (id, conversation_id, operator_id, text, at) VALUES (@id, @conversation_id, @operator_id, @text, @at)');
  const notes = db.prepare<[string], NoteRow>('SELECT * FROM notes WHERE conversation_id = ? ORDER BY seq');
  const consent = db.prepare<[Channel, string, string], ConsentRow>('SELECT * FROM consents WHERE channel = ? AND business_number_id = ? AND customer_id = ?');
  const putConsent = db.prepare<[ConsentRow]>(
    `INSERT INTO consents VALUES (@channel, @business_number_id, @customer_id, @state, @source, @at)
     ON CONFLICT (channel, business_number_id, customer_id) DO UPDATE SET state = excluded.state, source = excluded.source, at = excluded.at`,
  );
  const catalog = db.prepare<[CatalogKind], CatalogRow>('SELECT * FROM catalog WHERE kind = ? ORDER BY key');
  const itemById = db.prepare<[CatalogKind, string], CatalogRow>('SELECT * FROM catalog WHERE kind = ? AND id = ?');
  const itemByKey = db.prepare<[CatalogKind, string], CatalogRow>('SELECT * FROM catalog WHERE kind = ? AND key = ?');
  const putItem = db.prepare<[CatalogRow]>(
    `INSERT INTO catalog VALUES (@kind, @id, @key, @doc, @updated_at)
     ON CONFLICT (kind, id) DO UPDATE SET key = excluded.key, doc = excluded.doc, updated_at = excluded.updated_at`,
  );
  const deleteItem = db.prepare<[CatalogKind, string]>('DELETE FROM catalog WHERE kind = ? AND id = ?');
  const touch = db.prepare<[string, number]>(
    'INSERT INTO presence (user_id, until) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET until = max(until, excluded.until)',
  );
  const present = db.prepare<[number], { user_id: string }>('SELECT user_id FROM presence WHERE until > ? ORDER BY user_id');

  return {
    ensureConversation: (input, now) =>
      write(() => {
        insertConversation.run({
          id: randomUUID(),
          channel: input.channel,
          business_number_id: input.businessNumberId,
          customer_id: input.customerId,
          profile_name: input.profileName,
          status: 'bot',
          queue: null,
          assignee_id: null,
          handoff_reason: null,
          handoff_at: null,
          labels: '[]',
          snapshot: null,
          version: 0,
          last_inbound_at: null,
          created_at: now,
          updated_at: now,
        });
        const row = conversationByCustomer.get(input.channel, input.businessNumberId, input.customerId);
        if (!row) throw new Error('conversation missing after insert');
        return toConversation(row);
      }),
    getMessage: async (id) => {
      const row = messageById.get(id);
      return row ? toMessage(row) : null;
    },
    addNote: (note) =>
      write(() => {
        const row: NoteRow = { id: randomUUID(), conversation_id: note.conversationId, operator_id: note.operatorId, text: note.text, at: note.at };
        insertNote.run(row);
        return toNote(row);
      }),
    listNotes: async (conversationId) => notes.all(conversationId).map(toNote),
    getConsent: async (channel, businessNumberId, customerId) => {
      const row = consent.get(channel, businessNumberId, customerId);
      return row ? toConsent(row) : null;
    },
    setConsent: (record) =>
      write(() => {
        putConsent.run({
          channel: record.channel,
          business_number_id: record.businessNumberId,
          customer_id: record.customerId,
          state: record.state,
          source: record.source,
          at: record.at,
        });
      }),
    listCatalog: async (kind) => catalog.all(kind).map(toItem),
    getCatalogItem: async (kind, id) => {
      const row = itemById.get(kind, id);
      return row ? toItem(row) : null;
    },
    findCatalogItem: async (kind, key) => {
      const row = itemByKey.get(kind, key);
      return row ? toItem(row) : null;
    },
    putCatalogItem: (item) =>
      write(() => {
        const holder = itemByKey.get(item.kind, item.key);
        if (holder && holder.id !== item.id) return { ok: false, reason: 'duplicate' } as const;
        putItem.run({ kind: item.kind, id: item.id, key: item.key, doc: JSON.stringify(item.doc), updated_at: item.updatedAt });
        return { ok: true } as const;
      }),
    deleteCatalogItem: (kind, id) => write(() => deleteItem.run(kind, id).changes === 1),
    touchPresence: (userId, until) =>
      write(() => {
        touch.run(userId, until);
      }),
    presentUsers: async (now) => present.all(now).map((row) => row.user_id),
  };
}
