-- What the reports need, written by the step that makes each fact (ADR 0003): the practice-local
-- date a request arrived, the seconds to its first attempt and who made it, when someone first spoke with the
-- patient, the part of the patient's day of each attempt, and how long the clinical team took to
-- accept a hand-off. Rows from before are filled once by V16 (a Java migration: it needs the
-- practice's time zone and day parts).
alter table callback_request add column received_on date;
alter table callback_request add column first_attempt_seconds integer;
alter table callback_request add column first_attempt_by varchar(64);
alter table callback_request add column reached_at timestamp with time zone;
alter table call_attempt add column day_part varchar(40);
alter table clinical_handoff add column accepted_after_seconds integer;

-- each report reads one period by the time its facts happened
create index callback_request_received_idx on callback_request (received_at);
create index call_attempt_completed_idx on call_attempt (completed_at);
create index callback_signal_received_idx on callback_signal (received_at);
create index clinical_handoff_created_idx on clinical_handoff (created_at);
create index outbox_message_created_idx on outbox_message (created_at);
-- metrics count missed windows at every scrape
create index callback_request_missed_idx on callback_request (response_window_missed_at);
