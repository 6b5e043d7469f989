-- The audit trail is append-only in the database too: no UPDATE, DELETE or TRUNCATE on audit_event,
-- whoever asks. (The application has no such statement; this stops a mistaken script or a stolen
-- application login from rewriting who saw what.)
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;

create trigger audit_event_no_update_or_delete
  before update or delete on audit_event
  for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
  before truncate on audit_event
  for each statement execute function audit_event_append_only();
