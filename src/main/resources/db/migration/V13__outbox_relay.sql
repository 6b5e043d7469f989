-- The relay: a text leaves only inside the patient's calling window (send_after), is claimed by one
-- node at a time, and keeps what the provider said (or that the default run only recorded it).
alter table outbox_message add column send_after timestamp with time zone;
alter table outbox_message add column provider_id varchar(64);
alter table outbox_message add column attempts integer not null default 0;
alter table outbox_message add column last_error varchar(300);
-- what the provider reported afterwards (Twilio's status callback): delivered, undelivered, failed
alter table outbox_message add column delivery_status varchar(20);
alter table outbox_message add column delivery_reported_at timestamp with time zone;
create index outbox_message_provider_idx on outbox_message (provider_id);
create index outbox_message_due_idx on outbox_message (status, send_after);
