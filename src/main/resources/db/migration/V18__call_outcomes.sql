-- What a call ended in, as fields the reviews can count: the appointment booked (when, with whom),
-- the queue a request was routed to, the time the patient chose for the next call, and who took a
-- message when someone else answered (a role, never a name); and why a call was made outside the
-- patient's calling window or practice hours.
alter table call_attempt alter column outcome set data type varchar(32);
alter table call_attempt alter column resolution set data type varchar(32);
alter table call_attempt add column appointment_at timestamp with time zone;
alter table call_attempt add column appointment_with varchar(200);
-- practice days from the call to the appointment, for "booked within N days" (written with the call, ADR 0003)
alter table call_attempt add column appointment_in_days integer;
alter table call_attempt add column routed_to varchar(64);
alter table call_attempt add column call_back_at timestamp with time zone;
alter table call_attempt add column spoke_with varchar(32);
alter table call_attempt add column outside_window_reason varchar(32);
