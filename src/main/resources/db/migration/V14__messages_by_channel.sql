-- Messages by text, email or the patient portal, each sent at most once: a row is marked SENDING
-- (claimed_at) before the provider is called and carries a token the provider echoes back, so after
-- an interruption the relay asks the provider before it sends again. Caps count the patient's number
-- (patient_phone), whichever number or address a message went to.
alter table outbox_message add column send_token varchar(36);
alter table outbox_message add column claimed_at timestamp with time zone;
alter table outbox_message add column patient_phone varchar(20);
update outbox_message set patient_phone = recipient;
create index outbox_message_patient_idx on outbox_message (patient_phone, created_at);
create index outbox_message_token_idx on outbox_message (send_token);

-- an email's subject line (texts and portal messages have none in the table)
alter table outbox_message add column subject varchar(200);

-- messages through the practice's patient portal
alter table patient_contact add column portal_consent boolean;
