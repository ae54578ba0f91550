-- Which device each live scan was streamed from. A device only remembers the session it streams now; this keeps the
-- link after the stream ends, so a device's past sessions can be listed. A trigger writes it whenever a device takes
-- a session, whichever surface started the stream.
CREATE TABLE scan_session_devices (
    tenant_id   UUID         NOT NULL,
    session_id  VARCHAR(100) NOT NULL,
    device_id   VARCHAR(80)  NOT NULL,
    stream_id   VARCHAR(80)  NOT NULL,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES scan_sessions (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX scan_session_devices_by_device ON scan_session_devices (tenant_id, device_id);

ALTER TABLE scan_session_devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE scan_session_devices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scan_session_devices
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);

CREATE FUNCTION link_device_session() RETURNS trigger AS $$
BEGIN
    -- Only a stored session is linked: the device table itself does not require one.
    INSERT INTO scan_session_devices (tenant_id, session_id, device_id, stream_id)
    SELECT NEW.tenant_id, NEW.current_session_id, NEW.id, NEW.current_stream_id
    WHERE EXISTS (SELECT 1 FROM scan_sessions s WHERE s.tenant_id = NEW.tenant_id AND s.id = NEW.current_session_id)
    ON CONFLICT (tenant_id, session_id) DO NOTHING;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER devices_link_session
    AFTER INSERT OR UPDATE OF current_session_id ON devices
    FOR EACH ROW WHEN (NEW.current_session_id IS NOT NULL)
    EXECUTE FUNCTION link_device_session();

-- Devices streaming while this migration runs keep their link too.
SELECT set_config('rppg.platform', 'on', true);
INSERT INTO scan_session_devices (tenant_id, session_id, device_id, stream_id)
SELECT d.tenant_id, d.current_session_id, d.id, d.current_stream_id
FROM devices d
JOIN scan_sessions s ON s.tenant_id = d.tenant_id AND s.id = d.current_session_id
ON CONFLICT DO NOTHING;
