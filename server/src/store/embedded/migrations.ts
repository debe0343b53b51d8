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
  // Statistics: counters per UTC hour kept by triggers in the same transaction as the write they
  // count, so they are exact whoever writes (turns, outbox, statuses, operators) and however many
  // processes share the file.
  `
  ALTER TABLE messages ADD COLUMN flow_id TEXT;
  CREATE INDEX conversations_created ON conversations (created_at);

  -- Empty strings, not NULLs, for absent dimensions: NULLs would never conflict in the key.
  CREATE TABLE stat_counts (
    metric TEXT NOT NULL,
    hour INTEGER NOT NULL,
    flow_id TEXT NOT NULL DEFAULT '',
    node_id TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL DEFAULT '',
    n INTEGER NOT NULL,
    PRIMARY KEY (metric, hour, flow_id, node_id, key)
  ) WITHOUT ROWID;

  -- The flow run each conversation is in (or last was in) and the node it last visited.
  CREATE TABLE stat_flow_runs (
    conversation_id TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL,
    node_id TEXT,
    node_type TEXT,
    at INTEGER NOT NULL,
    open INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX stat_flow_runs_open ON stat_flow_runs (open, at);

  CREATE TABLE stat_template_sends (
    seq INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    flow_id TEXT NOT NULL,
    template TEXT NOT NULL,
    replied_at INTEGER
  );
  CREATE INDEX stat_template_sends_conversation ON stat_template_sends (conversation_id, at);

  CREATE TABLE stat_episodes (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    queue TEXT,
    reason TEXT,
    handoff_at INTEGER NOT NULL,
    operator_id TEXT,
    first_response_at INTEGER,
    first_responder_id TEXT,
    waiting_since INTEGER,
    closed_at INTEGER,
    open INTEGER NOT NULL
  );
  CREATE INDEX stat_episodes_handoff ON stat_episodes (handoff_at);
  CREATE INDEX stat_episodes_open ON stat_episodes (conversation_id) WHERE open = 1;

  CREATE TABLE stat_responses (
    episode_id INTEGER NOT NULL,
    operator_id TEXT,
    ms INTEGER NOT NULL
  );
  CREATE INDEX stat_responses_episode ON stat_responses (episode_id);

  CREATE TRIGGER stat_message_in AFTER INSERT ON messages WHEN NEW.direction = 'in' BEGIN
    INSERT INTO stat_counts VALUES ('msg.in', NEW.at / 3600000, '', '', '', 1) ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE stat_template_sends SET replied_at = NEW.at WHERE seq = (
      SELECT seq FROM stat_template_sends
      WHERE conversation_id = NEW.conversation_id AND at <= NEW.at AND at > NEW.at - 86400000
      ORDER BY at DESC, seq DESC LIMIT 1
    ) AND replied_at IS NULL;
    UPDATE stat_episodes SET waiting_since = coalesce(waiting_since, NEW.at) WHERE conversation_id = NEW.conversation_id AND open = 1;
  END;

  CREATE TRIGGER stat_template_replied AFTER UPDATE OF replied_at ON stat_template_sends WHEN OLD.replied_at IS NULL AND NEW.replied_at IS NOT NULL BEGIN
    INSERT INTO stat_counts VALUES ('tpl.replied', NEW.at / 3600000, NEW.flow_id, '', NEW.template, 1) ON CONFLICT DO UPDATE SET n = n + 1;
  END;

  CREATE TRIGGER stat_message_out AFTER INSERT ON messages WHEN NEW.direction = 'out' BEGIN
    INSERT INTO stat_counts VALUES (
      'msg.out', NEW.at / 3600000, coalesce(NEW.flow_id, ''), '',
      CASE WHEN json_extract(NEW.content, '$.kind') = 'template' THEN coalesce(json_extract(NEW.content, '$.name'), '') ELSE '' END, 1
    ) ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO stat_template_sends (seq, conversation_id, at, flow_id, template)
      SELECT NEW.seq, NEW.conversation_id, NEW.at, coalesce(NEW.flow_id, ''), coalesce(json_extract(NEW.content, '$.name'), '')
      WHERE json_extract(NEW.content, '$.kind') = 'template';
  END;

  CREATE TRIGGER stat_operator_reply AFTER INSERT ON messages WHEN NEW.direction = 'out' AND NEW.sender = 'operator' BEGIN
    INSERT INTO stat_responses (episode_id, operator_id, ms)
      SELECT id, NEW.operator_id, NEW.at - waiting_since FROM stat_episodes
      WHERE conversation_id = NEW.conversation_id AND open = 1 AND waiting_since IS NOT NULL;
    UPDATE stat_episodes SET
      first_response_at = coalesce(first_response_at, NEW.at),
      first_responder_id = CASE WHEN first_response_at IS NULL THEN NEW.operator_id ELSE first_responder_id END,
      operator_id = coalesce(operator_id, NEW.operator_id),
      waiting_since = NULL
    WHERE conversation_id = NEW.conversation_id AND open = 1;
  END;

  -- A status counts once, the first time it is recorded, on the hour the message was created.
  CREATE TRIGGER stat_message_status AFTER UPDATE OF status_at ON messages WHEN NEW.direction = 'out' AND NEW.status_at <> OLD.status_at BEGIN
    INSERT INTO stat_counts
      SELECT 'msg.' || s.status, NEW.at / 3600000, coalesce(NEW.flow_id, ''), '',
        CASE WHEN json_extract(NEW.content, '$.kind') = 'template' THEN coalesce(json_extract(NEW.content, '$.name'), '') ELSE '' END, 1
      FROM (SELECT 'sent' AS status UNION ALL SELECT 'delivered' UNION ALL SELECT 'read' UNION ALL SELECT 'failed') AS s
      WHERE json_extract(NEW.status_at, '$.' || s.status) IS NOT NULL AND json_extract(OLD.status_at, '$.' || s.status) IS NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
  END;

  CREATE TRIGGER stat_event_count AFTER INSERT ON events WHEN NEW.type IN ('node.visit', 'flow.start', 'flow.end', 'nlu', 'nlu.miss') BEGIN
    INSERT INTO stat_counts VALUES (
      NEW.type, NEW.at / 3600000, coalesce(NEW.flow_id, ''), coalesce(NEW.node_id, ''),
      CASE WHEN NEW.type = 'nlu' THEN coalesce(json_extract(NEW.data, '$.intent'), '') ELSE '' END, 1
    ) ON CONFLICT DO UPDATE SET n = n + 1;
  END;

  CREATE TRIGGER stat_event_miss_text AFTER INSERT ON events WHEN NEW.type = 'nlu.miss' AND trim(coalesce(json_extract(NEW.data, '$.text'), '')) <> '' BEGIN
    INSERT INTO stat_counts VALUES ('miss.text', NEW.at / 3600000, '', '', substr(lower(trim(json_extract(NEW.data, '$.text'))), 1, 200), 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;

  -- A new run leaves the previous one: a drop-off where it stood unless it had jumped on or ended.
  CREATE TRIGGER stat_event_flow_start AFTER INSERT ON events WHEN NEW.type = 'flow.start' BEGIN
    INSERT INTO stat_counts
      SELECT 'drop', at / 3600000, flow_id, node_id, '', 1 FROM stat_flow_runs
      WHERE conversation_id = NEW.conversation_id AND open = 1 AND node_id IS NOT NULL AND coalesce(node_type, '') NOT IN ('jump', 'end')
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO stat_flow_runs VALUES (NEW.conversation_id, coalesce(NEW.flow_id, ''), NULL, NULL, NEW.at, 1)
      ON CONFLICT (conversation_id) DO UPDATE SET flow_id = excluded.flow_id, node_id = NULL, node_type = NULL, at = excluded.at, open = 1;
  END;

  CREATE TRIGGER stat_event_visit AFTER INSERT ON events WHEN NEW.type = 'node.visit' BEGIN
    INSERT INTO stat_counts
      SELECT 'edge', NEW.at / 3600000, flow_id, node_id, coalesce(NEW.node_id, ''), 1 FROM stat_flow_runs
      WHERE conversation_id = NEW.conversation_id AND open = 1 AND flow_id = NEW.flow_id AND node_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO stat_flow_runs VALUES (NEW.conversation_id, coalesce(NEW.flow_id, ''), NEW.node_id, json_extract(NEW.data, '$.nodeType'), NEW.at, 1)
      ON CONFLICT (conversation_id) DO UPDATE SET flow_id = excluded.flow_id, node_id = excluded.node_id, node_type = excluded.node_type, at = excluded.at, open = 1;
  END;

  CREATE TRIGGER stat_event_flow_end AFTER INSERT ON events WHEN NEW.type = 'flow.end' BEGIN
    UPDATE stat_flow_runs SET open = 0 WHERE conversation_id = NEW.conversation_id AND flow_id = NEW.flow_id;
  END;

  CREATE TRIGGER stat_event_expired AFTER INSERT ON events WHEN NEW.type = 'session.expired' BEGIN
    INSERT INTO stat_counts
      SELECT 'drop', at / 3600000, flow_id, node_id, '', 1 FROM stat_flow_runs
      WHERE conversation_id = NEW.conversation_id AND open = 1 AND node_id IS NOT NULL AND coalesce(node_type, '') NOT IN ('jump', 'end')
    ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE stat_flow_runs SET open = 0 WHERE conversation_id = NEW.conversation_id;
  END;

  -- A handoff ends the run where it stood and opens an episode (a handoff while one is open is a transfer).
  CREATE TRIGGER stat_event_handoff AFTER INSERT ON events WHEN NEW.type = 'handoff' BEGIN
    INSERT INTO stat_counts
      SELECT 'handoff', NEW.at / 3600000,
        coalesce(NEW.flow_id, (SELECT flow_id FROM stat_flow_runs WHERE conversation_id = NEW.conversation_id AND open = 1), ''),
        coalesce(NEW.node_id, (SELECT node_id FROM stat_flow_runs WHERE conversation_id = NEW.conversation_id AND open = 1), ''),
        coalesce(json_extract(NEW.data, '$.reason'), ''), 1
      WHERE true
    ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE stat_flow_runs SET open = 0 WHERE conversation_id = NEW.conversation_id;
    UPDATE stat_episodes SET queue = coalesce(json_extract(NEW.data, '$.queue'), queue) WHERE conversation_id = NEW.conversation_id AND open = 1;
    INSERT INTO stat_episodes (conversation_id, queue, reason, handoff_at, waiting_since, open)
      SELECT NEW.conversation_id, json_extract(NEW.data, '$.queue'), json_extract(NEW.data, '$.reason'), NEW.at, NEW.at, 1
      WHERE NOT EXISTS (SELECT 1 FROM stat_episodes WHERE conversation_id = NEW.conversation_id AND open = 1);
  END;

  CREATE TRIGGER stat_event_closed AFTER INSERT ON events WHEN NEW.type IN ('conversation.closed', 'conversation.returned') BEGIN
    UPDATE stat_episodes SET closed_at = NEW.at, open = 0 WHERE conversation_id = NEW.conversation_id AND open = 1;
  END;

  CREATE TRIGGER stat_conversation_closed AFTER UPDATE OF status ON conversations
    WHEN OLD.status IN ('queued', 'assigned') AND NEW.status IN ('closed', 'bot') BEGIN
    UPDATE stat_episodes SET closed_at = NEW.updated_at, open = 0 WHERE conversation_id = NEW.id AND open = 1;
  END;

  CREATE TRIGGER stat_conversation_assigned AFTER UPDATE OF assignee_id ON conversations WHEN NEW.assignee_id IS NOT NULL BEGIN
    UPDATE stat_episodes SET operator_id = NEW.assignee_id WHERE conversation_id = NEW.id AND open = 1;
  END;
  `,
  `
  CREATE TABLE notes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    text TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX notes_conversation ON notes (conversation_id, seq);

  CREATE TABLE consents (
    channel TEXT NOT NULL,
    business_number_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    state TEXT NOT NULL,
    source TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (channel, business_number_id, customer_id)
  ) WITHOUT ROWID;

  CREATE TABLE catalog (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    key TEXT NOT NULL,
    doc TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX catalog_key ON catalog (kind, key);

  CREATE TABLE presence (
    user_id TEXT PRIMARY KEY,
    until INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // Statistics, second step: handoff episodes carry the customer and their response times, so
  // operator statistics read one index range with no joins; operators' own events close and move
  // episodes too (inbox.resolved, inbox.returned, inbox.transferred).
  `
  ALTER TABLE stat_episodes ADD COLUMN customer_id TEXT;
  ALTER TABLE stat_episodes ADD COLUMN responses TEXT NOT NULL DEFAULT '[]';
  UPDATE stat_episodes SET
    customer_id = (SELECT customer_id FROM conversations WHERE id = stat_episodes.conversation_id),
    responses = coalesce((SELECT json_group_array(json_array(r.operator_id, r.ms)) FROM stat_responses r WHERE r.episode_id = stat_episodes.id), '[]');
  DROP TRIGGER stat_operator_reply;
  DROP TRIGGER stat_event_handoff;
  DROP TRIGGER stat_event_closed;
  DROP TABLE stat_responses;

  CREATE TRIGGER stat_operator_reply AFTER INSERT ON messages WHEN NEW.direction = 'out' AND NEW.sender = 'operator' BEGIN
    UPDATE stat_episodes SET
      responses = CASE WHEN waiting_since IS NULL THEN responses
        ELSE json_insert(responses, '$[#]', json_array(NEW.operator_id, NEW.at - waiting_since)) END,
      first_response_at = coalesce(first_response_at, NEW.at),
      first_responder_id = CASE WHEN first_response_at IS NULL THEN NEW.operator_id ELSE first_responder_id END,
      operator_id = coalesce(operator_id, NEW.operator_id),
      waiting_since = NULL
    WHERE conversation_id = NEW.conversation_id AND open = 1;
  END;

  CREATE TRIGGER stat_event_handoff AFTER INSERT ON events WHEN NEW.type = 'handoff' BEGIN
    INSERT INTO stat_counts
      SELECT 'handoff', NEW.at / 3600000,
        coalesce(NEW.flow_id, (SELECT flow_id FROM stat_flow_runs WHERE conversation_id = NEW.conversation_id AND open = 1), ''),
        coalesce(NEW.node_id, (SELECT node_id FROM stat_flow_runs WHERE conversation_id = NEW.conversation_id AND open = 1), ''),
        coalesce(json_extract(NEW.data, '$.reason'), ''), 1
      WHERE true
    ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE stat_flow_runs SET open = 0 WHERE conversation_id = NEW.conversation_id;
    UPDATE stat_episodes SET queue = coalesce(json_extract(NEW.data, '$.queue'), queue) WHERE conversation_id = NEW.conversation_id AND open = 1;
    INSERT INTO stat_episodes (conversation_id, customer_id, queue, reason, handoff_at, waiting_since, open)
      SELECT NEW.conversation_id, (SELECT customer_id FROM conversations WHERE id = NEW.conversation_id),
        json_extract(NEW.data, '$.queue'), json_extract(NEW.data, '$.reason'), NEW.at, NEW.at, 1
      WHERE NOT EXISTS (SELECT 1 FROM stat_episodes WHERE conversation_id = NEW.conversation_id AND open = 1);
  END;

  CREATE TRIGGER stat_event_closed AFTER INSERT ON events WHEN NEW.type IN ('inbox.resolved', 'inbox.returned') BEGIN
    UPDATE stat_episodes SET closed_at = NEW.at, open = 0 WHERE conversation_id = NEW.conversation_id AND open = 1;
  END;

  CREATE TRIGGER stat_event_transferred AFTER INSERT ON events WHEN NEW.type = 'inbox.transferred' AND json_extract(NEW.data, '$.queue') IS NOT NULL BEGIN
    UPDATE stat_episodes SET queue = json_extract(NEW.data, '$.queue') WHERE conversation_id = NEW.conversation_id AND open = 1;
  END;
  `,
  // Statistics, third step: the counters and flow runs of the frequent per-turn events (node
  // visits, flow starts and ends, NLU decisions and misses) are kept by the event writer
  // (createEventWriter.ts), summed over each group commit, instead of by a trigger per row.
  `
  DROP TRIGGER stat_event_count;
  DROP TRIGGER stat_event_miss_text;
  DROP TRIGGER stat_event_flow_start;
  DROP TRIGGER stat_event_visit;
  DROP TRIGGER stat_event_flow_end;
  `,
  // The event log is written on every turn (about six rows) and read by no query on the hot path:
  // statistics come from the stat_* tables. Its two indexes, one of them keyed by conversation and
  // so touching a random page per turn, cost about a fifth of the store's time per message. The log
  // stays complete and listEvents still answers (by scanning); give it an index again together with
  // the first production query that needs one.
  `
  DROP INDEX events_at;
  DROP INDEX events_conversation;
  `,
  // The outbox claim walks unsent messages in order and stops once it has enough heads, rather than
  // grouping the whole backlog on every claim (under load the backlog runs to thousands of rows
  // and a claim goes out each time a delivery settles).
  `
  CREATE INDEX messages_unsent_order ON messages (seq) WHERE direction = 'out' AND state IN ('queued', 'sending');
  `,
];
