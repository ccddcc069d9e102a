-- People are named, never shown by their platform id: the name comes from Slack (users.info) or
-- Teams (the member's roster entry) and is kept with the moment it was fetched, so it is refreshed
-- after a while (someone renamed in Slack shows with the new name).
ALTER TABLE "app_user" ADD COLUMN "name_fetched_at" TIMESTAMP(3);

-- Names that were already stored came from the platform at some point: refreshed at the first lookup.
UPDATE "app_user" SET "name_fetched_at" = TIMESTAMP '2000-01-01' WHERE "display_name" IS NOT NULL;
