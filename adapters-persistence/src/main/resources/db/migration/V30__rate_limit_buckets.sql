-- Request limits shared by every node: Bucket4j's token buckets, one row per bucket.
-- Keys name a credential or a client address, never a tenant's data, so the table has no row-level security.
CREATE TABLE rate_limit_buckets (
    id          VARCHAR(512) PRIMARY KEY,
    state       BYTEA,
    -- Epoch milliseconds after which the bucket is full again and may be deleted.
    expires_at  BIGINT
);
CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
