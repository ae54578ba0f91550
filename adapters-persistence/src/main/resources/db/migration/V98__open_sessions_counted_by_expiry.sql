-- A session's admission counts its owner's open sessions (pending or processing, not expired) under the owner's lock,
-- so every creation of one owner waits for that count. Counted entry by entry it costs as many index entries as the
-- owner holds open: thousands for an app's server key on a plan with a large limit.
--
-- This table keeps the count per owner and per ten minutes of expiry, exact at every commit because the triggers
-- below change it in the transaction that opens, finishes, moves or deletes a session. Only a bucket's expiry says
-- whether its sessions are still open, so an admission adds up the buckets that end after the current ten minutes
-- (at most 145 rows, the sessions' 24 hours) and counts the sessions of the current bucket one by one.
CREATE TABLE open_scan_sessions_by_expiry (
    tenant_id     UUID         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    owner         VARCHAR(100) NOT NULL,
    -- the ten minutes the sessions expire in: seconds since 1970 divided by 600, rounded down
    expiry_bucket BIGINT       NOT NULL,
    open_sessions INTEGER      NOT NULL CHECK (open_sessions >= 0),
    PRIMARY KEY (tenant_id, owner, expiry_bucket)
);

ALTER TABLE open_scan_sessions_by_expiry ENABLE ROW LEVEL SECURITY;
ALTER TABLE open_scan_sessions_by_expiry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON open_scan_sessions_by_expiry
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);

-- The sessions of the current ten minutes are counted one by one, through an index of open sessions keyed by their
-- owner as one value, '<tenant>/<owner>' (as the admission's lock names them). No other index holds that value, so the
-- planner cannot pick another: with the index of V97 it took the tenant's newest sessions instead, and read every
-- session of the tenant, whenever its statistics were older than a fast-growing tenant (a new one, say). The value is
-- a stored column because row-level security keeps a condition on an expression of other columns (which could leak
-- what it reads in an error) out of an index's search.
ALTER TABLE scan_sessions
    ADD COLUMN owner_key TEXT GENERATED ALWAYS AS (tenant_id::TEXT || '/' || owner) STORED;

CREATE INDEX scan_sessions_open_by_owner_key ON scan_sessions (owner_key, expires_at)
    WHERE status IN ('PENDING', 'PROCESSING');

DROP INDEX scan_sessions_open_by_owner_until;

CREATE FUNCTION scan_session_expiry_bucket(expires_at TIMESTAMPTZ) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE AS
$$
SELECT floor(extract(EPOCH FROM expires_at) / 600)::BIGINT
$$;

-- The writer of a session sees its tenant (row-level security), so it sees and may write the tenant's counts too.
CREATE FUNCTION count_open_scan_sessions() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    was_open BOOLEAN := TG_OP <> 'INSERT' AND OLD.status IN ('PENDING', 'PROCESSING');
    is_open  BOOLEAN := TG_OP <> 'DELETE' AND NEW.status IN ('PENDING', 'PROCESSING');
BEGIN
    IF was_open AND is_open AND OLD.tenant_id = NEW.tenant_id AND OLD.owner = NEW.owner
        AND scan_session_expiry_bucket(OLD.expires_at) = scan_session_expiry_bucket(NEW.expires_at) THEN
        RETURN NULL; -- pending to processing: still open, in the same bucket
    END IF;
    IF was_open THEN
        -- Not deleted at zero: a concurrent writer of the bucket would find it gone. Buckets that ended more than an
        -- hour ago are swept by their owner's admissions; one swept already has nothing left to take away.
        UPDATE open_scan_sessions_by_expiry SET open_sessions = open_sessions - 1
        WHERE tenant_id = OLD.tenant_id AND owner = OLD.owner
          AND expiry_bucket = scan_session_expiry_bucket(OLD.expires_at);
    END IF;
    IF is_open THEN
        INSERT INTO open_scan_sessions_by_expiry AS counted (tenant_id, owner, expiry_bucket, open_sessions)
        VALUES (NEW.tenant_id, NEW.owner, scan_session_expiry_bucket(NEW.expires_at), 1)
        ON CONFLICT (tenant_id, owner, expiry_bucket) DO UPDATE SET open_sessions = counted.open_sessions + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER scan_sessions_count_open
    AFTER INSERT OR UPDATE OF tenant_id, owner, status, expires_at OR DELETE ON scan_sessions
    FOR EACH ROW
EXECUTE FUNCTION count_open_scan_sessions();

CREATE FUNCTION forget_open_scan_session_counts() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    TRUNCATE open_scan_sessions_by_expiry;
    RETURN NULL;
END;
$$;

CREATE TRIGGER scan_sessions_truncate_counts
    AFTER TRUNCATE ON scan_sessions
    FOR EACH STATEMENT
EXECUTE FUNCTION forget_open_scan_session_counts();

-- The sessions open now, counted after the triggers exist: creating them locked out every writer of scan_sessions
-- until this migration commits, so no session is missed or counted twice.
SELECT set_config('rppg.platform', 'on', true);
INSERT INTO open_scan_sessions_by_expiry (tenant_id, owner, expiry_bucket, open_sessions)
SELECT tenant_id, owner, scan_session_expiry_bucket(expires_at), count(*)
FROM scan_sessions
WHERE status IN ('PENDING', 'PROCESSING')
GROUP BY tenant_id, owner, scan_session_expiry_bucket(expires_at);
