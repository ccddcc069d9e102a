-- A job names the team it is for, so a lead's overview lists what is planned for the team and an
-- operator sees it per team. Pending jobs get their team from what they are about.
ALTER TABLE "job" ADD COLUMN "team_id" TEXT;
CREATE INDEX "job_team_id_status_run_at_idx" ON "job"("team_id", "status", "run_at");

UPDATE "job" j SET "team_id" = m."team_id" FROM "consultation_meeting" m
WHERE j."status" = 'pending' AND j."kind" IN ('twintig.post-agenda', 'twintig.ask-outcome') AND m."id" = j."payload" ->> 'meetingId';
UPDATE "job" j SET "team_id" = p."team_id" FROM "consultation_poll" p
WHERE j."status" = 'pending' AND j."kind" = 'twintig.close-poll' AND p."id" = j."payload" ->> 'pollId';
UPDATE "job" j SET "team_id" = f."team_id" FROM "consultation_follow_up" f
WHERE j."status" = 'pending' AND j."kind" = 'twintig.remind-follow-up' AND f."id" = j."payload" ->> 'followUpId';
UPDATE "job" j SET "team_id" = r."team_id" FROM "vier_ogen_request" r
WHERE j."status" = 'pending' AND j."kind" = 'vierogen.time-out' AND r."id" = j."payload" ->> 'requestId';
UPDATE "job" j SET "team_id" = s."team_id" FROM "intervisie_slot" s
WHERE j."status" = 'pending' AND j."kind" IN ('intervisie.send-reminder', 'intervisie.announce-slot') AND s."id" = j."payload" ->> 'slotId';
UPDATE "job" j SET "team_id" = r."team_id" FROM "intervisie_request" r
WHERE j."status" = 'pending' AND j."kind" = 'intervisie.close-poll' AND r."id" = j."payload" ->> 'requestId';
UPDATE "job" j SET "team_id" = e."team_id" FROM "onboarding_enrollment" e
WHERE j."status" = 'pending' AND j."kind" = 'onboarding.nudge' AND e."id" = j."payload" ->> 'enrollmentId';
