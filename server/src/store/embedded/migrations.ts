/**
 * Schema steps in order; `PRAGMA user_version` records how many have run. Append only: a released
 * step is never edited, a change is a new step.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    business_number_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    profile_name TEXT,
    status TEXT NOT NULL,
    queue TEXT,
    assignee_id TEXT,
    handoff_reason TEXT,
    handoff_at INTEGER,
    labels TEXT NOT NULL,
    snapshot TEXT,
    version INTEGER NOT NULL,
    last_inbound_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX conversations_customer ON conversations (channel, business_number_id, customer_id);
  CREATE INDEX conversations_status ON conversations (status, updated_at);

  -- Leases live apart from conversations so renewing one does not rewrite the snapshot row.
  CREATE TABLE leases (
    conversation_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    until INTEGER NOT NULL
  );

  -- seq is the rowid: AUTOINCREMENT never reuses a value, so it is unique and increasing.
  CREATE TABLE messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    sender TEXT NOT NULL,
    wamid TEXT,
    content TEXT NOT NULL,
    at INTEGER NOT NULL,
    state TEXT NOT NULL,
    turn_key TEXT,
    idx INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    error TEXT,
    operator_id TEXT,
    status_at TEXT NOT NULL DEFAULT '{}',
    claim_owner TEXT,
    claim_until INTEGER
  );
  CREATE UNIQUE INDEX messages_inbound_wamid ON messages (wamid) WHERE direction = 'in';
  CREATE INDEX messages_outbound_wamid ON messages (wamid) WHERE direction = 'out' AND wamid IS NOT NULL;
  CREATE INDEX messages_conversation ON messages (conversation_id, seq);
  CREATE INDEX messages_pending ON messages (conversation_id, at, seq) WHERE direction = 'in' AND state = 'pending';
  CREATE INDEX messages_unsent ON messages (conversation_id, seq) WHERE direction = 'out' AND state IN ('queued', 'sending');
  CREATE UNIQUE INDEX messages_turn ON messages (turn_key, idx) WHERE turn_key IS NOT NULL;

  -- One row per committed turn: the idempotency record even for turns that send nothing.
  CREATE TABLE turns (
    turn_key TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    committed_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE timers (
    conversation_id TEXT NOT NULL,
    timer_id TEXT NOT NULL,
    fire_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (conversation_id, timer_id)
  ) WITHOUT ROWID;
  CREATE INDEX timers_due ON timers (fire_at) WHERE state = 'scheduled';

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at INTEGER NOT NULL,
    flow_id TEXT,
    node_id TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX events_at ON events (at);
  CREATE INDEX events_conversation ON events (conversation_id, at);

  CREATE TABLE flows (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    draft TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT,
    published_version INTEGER,
    deleted_at INTEGER
  );
  CREATE TABLE flow_versions (
    flow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    published_by TEXT,
    summary TEXT NOT NULL,
    PRIMARY KEY (flow_id, version)
  );

  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  `,
];
