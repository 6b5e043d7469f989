-- When the ladder will next call the patient, and which rules chose that time.
alter table callback_request add column next_attempt_at timestamp with time zone;
alter table callback_request add column next_attempt_reason varchar(400);
