-- Tokens for integrations (web forms, the patient portal, the referral system). Only a SHA-256 hash
-- of each token is kept; the token itself is shown once, when it is issued.
create table api_token (
    id            uuid         primary key,
    name          varchar(100) not null,
    user_id       varchar(64)  not null,
    scope         varchar(16)  not null,
    token_hash    varchar(64)  not null unique,
    hint          varchar(16)  not null,
    created_by    varchar(64)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);
