-- Onboarding of new staff: one enrollment per newcomer and team, with where they are in the
-- programme (module + step), when they want their daily nudge and who their buddy is. The programme
-- itself lives in Markdown (knowledge/onboarding/); its hash is kept so an edited programme can be
-- detected without losing progress (modules are referred to by their stable id).
CREATE TABLE "onboarding_enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL REFERENCES "team"("id") ON DELETE CASCADE,
    "user_id" TEXT NOT NULL,
    "start_date" TEXT,
    "nudge_time" TEXT NOT NULL DEFAULT '09:00',
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    "buddy_id" TEXT,
    "buddy_assigned_at" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'awaiting_start',
    "programme_hash" TEXT,
    "current_module" TEXT,
    "current_step" INTEGER NOT NULL DEFAULT 0,
    "step_shown" BOOLEAN NOT NULL DEFAULT false,
    "snoozed_until" TEXT,
    "last_activity_at" TIMESTAMP(3),
    "last_nudged_at" TIMESTAMP(3),
    "stalled_notified_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "onboarding_enrollment_status" CHECK ("status" IN ('awaiting_start', 'active', 'paused', 'completed', 'stopped'))
);
CREATE UNIQUE INDEX "onboarding_enrollment_team_id_user_id_key" ON "onboarding_enrollment"("team_id", "user_id");
CREATE INDEX "onboarding_enrollment_buddy_id_idx" ON "onboarding_enrollment"("buddy_id");

-- Per module: read, skipped or done, and the quiz score.
CREATE TABLE "onboarding_module_progress" (
    "enrollment_id" TEXT NOT NULL REFERENCES "onboarding_enrollment"("id") ON DELETE CASCADE,
    "module_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'started',
    "started_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "skipped_at" TIMESTAMP(3),
    "quiz_score" INTEGER NOT NULL DEFAULT 0,
    "quiz_total" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY ("enrollment_id", "module_id"),
    CONSTRAINT "onboarding_module_progress_status" CHECK ("status" IN ('started', 'completed', 'skipped'))
);

-- Every quiz answer, for the team lead's view; no free text (reflections are never stored).
CREATE TABLE "onboarding_quiz_answer" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "enrollment_id" TEXT NOT NULL REFERENCES "onboarding_enrollment"("id") ON DELETE CASCADE,
    "module_id" TEXT NOT NULL,
    "question" INTEGER NOT NULL,
    "chosen" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answered_at" TIMESTAMP(3) NOT NULL
);
CREATE INDEX "onboarding_quiz_answer_enrollment_id_idx" ON "onboarding_quiz_answer"("enrollment_id");
