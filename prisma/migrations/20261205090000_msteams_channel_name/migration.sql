-- Microsoft Teams is called "msteams" in every stored channel name, so "teams" only ever means a
-- social-work team. Rewritten: the channel of conversations, the platform of linked channels (and
-- the channel subjects of the audit trail, which name a channel by platform and id), the platform
-- thread keys, and the key under which a notification remembers its Teams delivery.
-- User ids ("teams:<aad object id>") stay as they were issued: they are identities, not channel names.

UPDATE "conversation" SET "channel" = 'msteams' WHERE "channel" = 'teams';

UPDATE "channel" SET "platform" = 'msteams' WHERE "platform" = 'teams';

UPDATE "audit_event" SET "subject_id" = 'ms' || "subject_id"
WHERE "subject_type" = 'channel' AND "subject_id" LIKE 'teams:%';

UPDATE "conversation_thread" SET "thread_key" = 'ms' || "thread_key" WHERE "thread_key" LIKE 'teams:%';

UPDATE "notification" SET "deliveries" = ("deliveries" - 'teams') || jsonb_build_object('msteams', "deliveries" -> 'teams')
WHERE "deliveries" ? 'teams';
