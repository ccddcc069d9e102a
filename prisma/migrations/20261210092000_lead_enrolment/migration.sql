-- A lead can enrol a newcomer with a start date; the newcomer may still move it, within the number
-- of days the team allows (a setting), counted from the date the lead chose.
ALTER TABLE "onboarding_enrollment" ADD COLUMN "enrolled_by" TEXT;
ALTER TABLE "onboarding_enrollment" ADD COLUMN "lead_start_date" TEXT;
