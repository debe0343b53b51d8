import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { StoreError } from '../StoreError.js';
import type { CatalogOps, FlowVersion, UserRecord } from '../types.js';
import type { WriteQueue } from './createWriteQueue.js';
import type { FlowRow, FlowVersionRow, UserRow } from './rows.js';
import { parseJson, toFlow, toFlowVersion, toUser } from './rows.js';

/** Flows and their versions, settings and users over SQLite. */
export function createCatalogOps(db: Database.Database, write: WriteQueue): CatalogOps {
  const flows = db.prepare<[], FlowRow>('SELECT * FROM flows WHERE deleted_at IS NULL ORDER BY name, id');
  const flowById = db.prepare<[string], FlowRow>('SELECT * FROM flows WHERE id = ?');
  const insertFlow = db.prepare<[FlowRow]>(
    `INSERT INTO flows VALUES (@id, @name, @draft, @revision, @updated_at, @updated_by, @published_version, @deleted_at)
     ON CONFLICT (id) DO NOTHING`,
  );
  const saveDraft = db.prepare<{ id: string; name: string; draft: string; expectedRevision: number; by: string | null; now: number }, FlowRow>(
    `UPDATE flows SET name = @name, draft = @draft, revision = revision + 1, updated_at = @now, updated_by = @by
     WHERE id = @id AND revision = @expectedRevision AND deleted_at IS NULL RETURNING *`,
  );
  const deleteFlow = db.prepare<[number, string]>('UPDATE flows SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const lastVersion = db.prepare<[string], { version: number | null }>('SELECT max(version) AS version FROM flow_versions WHERE flow_id = ?');
  const insertVersion = db.prepare<[FlowVersionRow]>(
    'INSERT INTO flow_versions VALUES (@flow_id, @version, @doc, @published_at, @published_by, @summary)',
  );
  const pointAt = db.prepare<[number, string]>('UPDATE flows SET published_version = ? WHERE id = ?');
  const versions = db.prepare<[string], FlowVersionRow>('SELECT * FROM flow_versions WHERE flow_id = ? ORDER BY version');
  const version = db.prepare<[string, number], FlowVersionRow>('SELECT * FROM flow_versions WHERE flow_id = ? AND version = ?');
  const published = db.prepare<[], FlowVersionRow>(
    `SELECT v.* FROM flows f JOIN flow_versions v ON v.flow_id = f.id AND v.version = f.published_version
     WHERE f.deleted_at IS NULL ORDER BY f.id`,
  );
  const setting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const countUsers = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const insertUser = db.prepare<[UserRow]>(
    `INSERT INTO users VALUES (@id, @email, @name, @role, @password_hash, @disabled, @created_at) ON CONFLICT (email) DO NOTHING`,
  );
  const userByEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
  const userById = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const users = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, email');
  const saveUser = db.prepare<[UserRow]>(
    'UPDATE users SET name = @name, role = @role, password_hash = @password_hash, disabled = @disabled WHERE id = @id',
  );

  return {
    listFlows: async () => flows.all().map(toFlow),
    getFlow: async (id) => {
      const row = flowById.get(id);
      return row ? toFlow(row) : null;
    },
    createFlow: (input) =>
      write(() => {
        const row: FlowRow = {
          id: input.id,
          name: input.name,
          draft: JSON.stringify(input.draft),
          revision: 1,
          updated_at: input.now,
          updated_by: input.by,
          published_version: null,
          deleted_at: null,
        };
        if (insertFlow.run(row).changes === 0) return { ok: false, reason: 'exists' } as const;
        return { ok: true, flow: toFlow(row) } as const;
      }),
    saveDraft: (input) =>
      write(() => {
        const row = saveDraft.get({ ...input, draft: JSON.stringify(input.draft) });
        if (row) return { ok: true, flow: toFlow(row) } as const;
        const current = flowById.get(input.id);
        if (!current || current.deleted_at !== null) return { ok: false, reason: 'missing', current: null } as const;
        return { ok: false, reason: 'conflict', current: toFlow(current) } as const;
      }),
    deleteFlow: (id, now) => write(() => deleteFlow.run(now, id).changes === 1),
    publishFlow: (input) =>
      write((): FlowVersion => {
        const flow = flowById.get(input.id);
        if (!flow || flow.deleted_at !== null) throw new StoreError('store/unknown-flow', `No flow ${input.id} to publish.`);
        const row: FlowVersionRow = {
          flow_id: input.id,
          version: (lastVersion.get(input.id)?.version ?? 0) + 1,
          doc: JSON.stringify(input.doc),
          published_at: input.now,
          published_by: input.by,
          summary: input.summary,
        };
        insertVersion.run(row);
        pointAt.run(row.version, input.id);
        return toFlowVersion(row);
      }),
    listVersions: async (flowId) => versions.all(flowId).map(toFlowVersion),
    getVersion: async (flowId, n) => {
      const row = version.get(flowId, n);
      return row ? toFlowVersion(row) : null;
    },
    publishedFlows: async () => published.all().map(toFlowVersion),
    getSetting: async (key) => {
      const row = setting.get(key);
      return row ? parseJson(row.value) : null;
    },
    putSetting: (key, value, now) =>
      write(() => {
        putSetting.run(key, JSON.stringify(value), now);
      }),
    countUsers: async () => countUsers.get()?.n ?? 0,
    createUser: (user, now) =>
      write((): UserRecord => {
        const row: UserRow = {
          id: randomUUID(),
          email: user.email.toLowerCase(),
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          disabled: user.disabled ? 1 : 0,
          created_at: now,
        };
        if (insertUser.run(row).changes === 0) throw new StoreError('store/duplicate-email', `A user with email ${row.email} exists.`);
        return toUser(row);
      }),
    findUserByEmail: async (email) => {
      const row = userByEmail.get(email.toLowerCase());
      return row ? toUser(row) : null;
    },
    getUser: async (id) => {
      const row = userById.get(id);
      return row ? toUser(row) : null;
    },
    listUsers: async () => users.all().map(toUser),
    updateUser: (id, patch) =>
      write(() => {
        const row = userById.get(id);
        if (!row) return null;
        const next: UserRow = {
          ...row,
          name: patch.name ?? row.name,
          role: patch.role ?? row.role,
          password_hash: patch.passwordHash ?? row.password_hash,
          disabled: patch.disabled === undefined ? row.disabled : patch.disabled ? 1 : 0,
        };
        saveUser.run(next);
        return toUser(next);
      }),
  };
}
