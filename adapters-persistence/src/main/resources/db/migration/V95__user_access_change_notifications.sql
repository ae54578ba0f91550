-- Every node also keeps in memory whether the users of the access tokens it checked may still call. A user deleted,
-- or moved to another tenant, is announced on rppg_access_changes as 'user:<id>' (a tenant's news stays its bare
-- id), at commit, to every node listening; each then forgets that user.
CREATE FUNCTION announce_user_access_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('rppg_access_changes', 'user:' || OLD.id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER users_announce_move
    AFTER UPDATE ON users
    FOR EACH ROW
    WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.id IS DISTINCT FROM NEW.id)
EXECUTE FUNCTION announce_user_access_change();

CREATE TRIGGER users_announce_deletion
    AFTER DELETE ON users
    FOR EACH ROW
EXECUTE FUNCTION announce_user_access_change();
