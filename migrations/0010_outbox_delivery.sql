-- Delivery of the notification outbox (通知发件箱): a sender loop in every server claims due rows
-- (FOR UPDATE SKIP LOCKED, so servers never take the same row), hands them to the channel's adapter
-- and marks them sent in the same transaction; a failure is retried later with backoff, until the
-- row gives up (failed_at). Rows written before this migration were already marked sent.
ALTER TABLE identity.notification_outbox ADD COLUMN subject text;
ALTER TABLE identity.notification_outbox ADD COLUMN attempts int NOT NULL DEFAULT 0;
ALTER TABLE identity.notification_outbox ADD COLUMN last_error text;
ALTER TABLE identity.notification_outbox ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE identity.notification_outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE identity.notification_outbox ADD CONSTRAINT notification_outbox_email_subject
  CHECK (channel <> 'email' OR subject IS NOT NULL);

-- The sender's claim: due rows, oldest first.
CREATE INDEX notification_outbox_due_idx ON identity.notification_outbox (next_attempt_at, id)
  WHERE sent_at IS NULL AND failed_at IS NULL;
-- Housekeeping: delivered rows by age.
CREATE INDEX notification_outbox_sent_idx ON identity.notification_outbox (sent_at) WHERE sent_at IS NOT NULL;
-- Housekeeping of sessions and sign-in history by age.
CREATE INDEX session_expires_idx ON identity.session (expires_at);
CREATE INDEX session_revoked_idx ON identity.session (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX sign_in_event_at_idx ON identity.sign_in_event (at);
