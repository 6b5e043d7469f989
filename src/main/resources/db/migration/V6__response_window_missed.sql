-- A first attempt not worked inside its response window, counted once for the reviews.
alter table callback_request add column response_window_missed_at timestamp with time zone;
