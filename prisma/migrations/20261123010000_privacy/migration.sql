-- Privacy: an audit trail of who did what to which case or team (ids and actions only, never
-- content), and short-lived drafts of case texts awaiting the coach's check before storage.

CREATE TABLE "audit_event" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- a user id, the operator ('cli:operator'), or 'verwijderd:<hash>' after a deletion request
    "actor_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    -- no foreign key: the trail must outlive the team, document or user it mentions
    "team_id" TEXT
);
CREATE INDEX "audit_event_team_id_at_idx" ON "audit_event"("team_id", "at");
CREATE INDEX "audit_event_actor_id_idx" ON "audit_event"("actor_id");

CREATE TABLE "case_draft" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "user_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    -- the anonymised text only; what the coach typed is never stored
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL
);
CREATE INDEX "case_draft_user_id_idx" ON "case_draft"("user_id");
CREATE INDEX "case_draft_expires_at_idx" ON "case_draft"("expires_at");
