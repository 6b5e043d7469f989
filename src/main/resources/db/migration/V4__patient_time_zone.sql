-- Where the patient is, so calls and texts stay inside their own calling window.
alter table callback_request add column patient_time_zone varchar(64);
