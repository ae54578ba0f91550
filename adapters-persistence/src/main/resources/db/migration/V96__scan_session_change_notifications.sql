-- Every node answers polls of pending and processing sessions from memory, and forgets a session when it changes.
-- A session written or deleted is announced on rppg_scan_session_changes as '<tenant id>/<session id>', at commit, to
-- every node listening; a truncated table as '*', which forgets them all. A session inserted is not news: no node
-- can remember a session before it exists.
CREATE FUNCTION announce_scan_session_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('rppg_scan_session_changes', OLD.tenant_id::text || '/' || OLD.id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER scan_sessions_announce_update
    AFTER UPDATE ON scan_sessions
    FOR EACH ROW
EXECUTE FUNCTION announce_scan_session_change();

CREATE TRIGGER scan_sessions_announce_deletion
    AFTER DELETE ON scan_sessions
    FOR EACH ROW
EXECUTE FUNCTION announce_scan_session_change();

CREATE FUNCTION announce_scan_sessions_truncated() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('rppg_scan_session_changes', '*');
    RETURN NULL;
END;
$$;

CREATE TRIGGER scan_sessions_announce_truncation
    AFTER TRUNCATE ON scan_sessions
    FOR EACH STATEMENT
EXECUTE FUNCTION announce_scan_sessions_truncated();
