-- Statuses with a closed set of values become Postgres enum types, so the Prisma client types them
-- and the database refuses a misspelt one. The onboarding statuses had a CHECK for the same set,
-- which the type replaces. Existing values are kept as they are.

CREATE TYPE "OnboardingStatus" AS ENUM ('awaiting_start', 'active', 'paused', 'completed', 'stopped');
ALTER TABLE "onboarding_enrollment" DROP CONSTRAINT "onboarding_enrollment_status";
ALTER TABLE "onboarding_enrollment" ALTER COLUMN "status" DROP DEFAULT,
    ALTER COLUMN "status" TYPE "OnboardingStatus" USING "status"::"OnboardingStatus",
    ALTER COLUMN "status" SET DEFAULT 'awaiting_start';

CREATE TYPE "ModuleProgressStatus" AS ENUM ('started', 'completed', 'skipped');
ALTER TABLE "onboarding_module_progress" DROP CONSTRAINT "onboarding_module_progress_status";
ALTER TABLE "onboarding_module_progress" ALTER COLUMN "status" DROP DEFAULT,
    ALTER COLUMN "status" TYPE "ModuleProgressStatus" USING "status"::"ModuleProgressStatus",
    ALTER COLUMN "status" SET DEFAULT 'started';

CREATE TYPE "VierOgenStatus" AS ENUM ('draft', 'asked', 'agreed', 'not_agreed', 'no_reviewer', 'withdrawn');
ALTER TABLE "vier_ogen_request" ALTER COLUMN "status" DROP DEFAULT,
    ALTER COLUMN "status" TYPE "VierOgenStatus" USING "status"::"VierOgenStatus",
    ALTER COLUMN "status" SET DEFAULT 'draft';

CREATE TYPE "VierOgenAskOutcome" AS ENUM ('pending', 'agreed', 'not_agreed', 'passed', 'timed_out', 'withdrawn');
ALTER TABLE "vier_ogen_ask" ALTER COLUMN "outcome" DROP DEFAULT,
    ALTER COLUMN "outcome" TYPE "VierOgenAskOutcome" USING "outcome"::"VierOgenAskOutcome",
    ALTER COLUMN "outcome" SET DEFAULT 'pending';

CREATE TYPE "IntervisieSlotStatus" AS ENUM ('planned', 'cancelled');
ALTER TABLE "intervisie_slot" ALTER COLUMN "status" DROP DEFAULT,
    ALTER COLUMN "status" TYPE "IntervisieSlotStatus" USING "status"::"IntervisieSlotStatus",
    ALTER COLUMN "status" SET DEFAULT 'planned';

CREATE TYPE "IntervisieSignupStatus" AS ENUM ('confirmed', 'waiting', 'cancelled');
ALTER TABLE "intervisie_signup" ALTER COLUMN "status" TYPE "IntervisieSignupStatus" USING "status"::"IntervisieSignupStatus";

CREATE TYPE "IntervisieRequestStatus" AS ENUM ('open', 'closed');
ALTER TABLE "intervisie_request" ALTER COLUMN "status" DROP DEFAULT,
    ALTER COLUMN "status" TYPE "IntervisieRequestStatus" USING "status"::"IntervisieRequestStatus",
    ALTER COLUMN "status" SET DEFAULT 'open';
