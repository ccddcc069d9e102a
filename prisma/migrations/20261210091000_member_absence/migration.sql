-- Absence becomes date ranges with a kind instead of one "absent until" date per member, so leave
-- can be planned ahead and a lead sees who is away when. Local dates of the team, both inclusive.
CREATE TYPE "AbsenceKind" AS ENUM ('verlof', 'ziek', 'anders');

CREATE TABLE "member_absence" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT gen_random_uuid()::text,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "kind" "AbsenceKind" NOT NULL DEFAULT 'anders',
    -- who entered it: the coach themselves or a lead for them
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "member_absence_range" CHECK ("ends_on" >= "starts_on"),
    CONSTRAINT "member_absence_member_fkey" FOREIGN KEY ("team_id", "user_id") REFERENCES "team_member"("team_id", "user_id") ON DELETE CASCADE
);
CREATE INDEX "member_absence_team_id_ends_on_idx" ON "member_absence"("team_id", "ends_on");
CREATE INDEX "member_absence_user_id_idx" ON "member_absence"("user_id");

-- An absence still running or ahead becomes a range from the day it was entered; past ones are history.
INSERT INTO "member_absence" ("team_id", "user_id", "starts_on", "ends_on", "kind", "recorded_by", "created_at")
SELECT "team_id", "user_id", least("updated_at"::date, "absent_until"), "absent_until", 'anders', "user_id", "updated_at"
FROM "member_profile"
WHERE "absent_until" IS NOT NULL AND "absent_until" >= current_date;

ALTER TABLE "member_profile" DROP COLUMN "absent_until";
