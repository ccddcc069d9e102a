-- Slack: retried events seen once, which thread belongs to which conversation, hand-off requests to
-- colleagues and forms waiting to be opened as a modal. Channel links and settings live in "channel".

-- Slack resends an event it thinks we missed; the first process to insert its id handles it.
CREATE TABLE "slack_event" (
    "event_id" TEXT NOT NULL PRIMARY KEY,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "slack_event_received_at_idx" ON "slack_event"("received_at");

-- A Slack thread (or a DM's main line, thread_ts '') continues one core conversation per user.
CREATE TABLE "slack_thread" (
    "channel_key" TEXT NOT NULL,
    "thread_ts" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL REFERENCES "conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("channel_key", "thread_ts", "user_id")
);
CREATE INDEX "slack_thread_conversation_id_idx" ON "slack_thread"("conversation_id");

-- "Vraag een collega": ids only; the (anonymised) question lives in the answer and the Slack message.
CREATE TABLE "slack_handoff" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL,
    "answer_id" TEXT REFERENCES "answer"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    "asker_id" TEXT NOT NULL,
    "channel_key" TEXT NOT NULL,
    "message_ts" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolved_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3)
);
CREATE INDEX "slack_handoff_asker_id_status_idx" ON "slack_handoff"("asker_id", "status");

-- A Reply.form that could not be opened at once (a modal needs a click's trigger_id); short-lived.
CREATE TABLE "slack_form" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "user_id" TEXT NOT NULL,
    "form" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "slack_form_created_at_idx" ON "slack_form"("created_at");
