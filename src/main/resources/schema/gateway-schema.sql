-- The tables the AI gateway writes and kt export reads.
-- This is the contract: kt demo seed creates it, and kt export expects these names and types.

CREATE TABLE IF NOT EXISTS decision_events (
  event_id         TEXT PRIMARY KEY,
  occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,   -- exported as "timestamp"
  gateway          TEXT NOT NULL,
  outcome          TEXT NOT NULL,          -- allowed | blocked | escalated | redacted | flagged
  triggered_policy TEXT,                   -- NULL when no policy fired
  user_name        TEXT,                   -- exported as "user"
  provider         TEXT,                   -- e.g. openai/gpt-4o
  latency_ms       INTEGER
);
CREATE INDEX IF NOT EXISTS decision_events_occurred_at ON decision_events (occurred_at);

CREATE TABLE IF NOT EXISTS escalations (
  escalation_id    TEXT PRIMARY KEY,
  event_id         TEXT,                   -- the decision event that raised it
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,   -- the time filter applies here
  gateway          TEXT NOT NULL,
  policy           TEXT NOT NULL,
  severity         TEXT,                   -- critical | high | medium | low
  status           TEXT NOT NULL,          -- pending | approved | denied | expired
  reason           TEXT,
  reviewer         TEXT,
  resolved_at      TIMESTAMP WITH TIME ZONE,
  resolution_note  TEXT
);
CREATE INDEX IF NOT EXISTS escalations_created_at ON escalations (created_at);
