-- A missed call or a voicemail tells us the number, rarely the name: the name may come later.
alter table callback_request alter column patient_name drop not null;
