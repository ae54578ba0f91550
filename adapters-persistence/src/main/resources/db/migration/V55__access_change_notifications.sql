-- Every node keeps the API keys it has authenticated in memory. A change that may refuse a tenant's callers (a key
-- revoked or deleted, the tenant suspended, reactivated or deleted) is announced on the channel rppg_access_changes
-- with the tenant's id, at commit, to every node listening; each then forgets that tenant's keys.
CREATE FUNCTION announce_access_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    changed_tenant UUID;
BEGIN
    IF TG_TABLE_NAME = 'tenants' THEN
        changed_tenant := COALESCE(NEW.id, OLD.id);
    ELSE
        changed_tenant := COALESCE(NEW.tenant_id, OLD.tenant_id);
    END IF;
    PERFORM pg_notify('rppg_access_changes', changed_tenant::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER api_keys_announce_revocation
    AFTER UPDATE ON api_keys
    FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.secret_hash IS DISTINCT FROM NEW.secret_hash)
EXECUTE FUNCTION announce_access_change();

CREATE TRIGGER api_keys_announce_deletion
    AFTER DELETE ON api_keys
    FOR EACH ROW
EXECUTE FUNCTION announce_access_change();

CREATE TRIGGER tenants_announce_status
    AFTER UPDATE ON tenants
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
EXECUTE FUNCTION announce_access_change();

CREATE TRIGGER tenants_announce_deletion
    AFTER DELETE ON tenants
    FOR EACH ROW
EXECUTE FUNCTION announce_access_change();
