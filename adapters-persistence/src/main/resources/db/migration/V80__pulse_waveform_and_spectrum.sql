-- The pulse a completed scan's vitals were read from, for its pictures: the waveform (evenly sampled, scaled to
-- -1..1) with the times of the beats counted on it, and the spectrum over the pulse band with the peak taken as the
-- heart rate. A row of its own, so that polls and listings of sessions do not carry a few thousand numbers each; it
-- goes when its session goes. Results completed before this migration have none.
CREATE TABLE scan_pulses (
    tenant_id       UUID               NOT NULL,
    session_id      VARCHAR(100)       NOT NULL,
    sample_rate_hz  DOUBLE PRECISION   NOT NULL CHECK (sample_rate_hz > 0),
    waveform        DOUBLE PRECISION[] NOT NULL,
    beats_seconds   DOUBLE PRECISION[] NOT NULL,
    spectrum_bpm    DOUBLE PRECISION[] NOT NULL,
    spectrum_power  DOUBLE PRECISION[] NOT NULL,
    peak_bpm        DOUBLE PRECISION   NOT NULL,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, session_id) REFERENCES scan_sessions (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT spectrum_aligned CHECK (cardinality(spectrum_bpm) = cardinality(spectrum_power))
);

ALTER TABLE scan_pulses ENABLE ROW LEVEL SECURITY;
ALTER TABLE scan_pulses FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scan_pulses
    USING (current_setting('rppg.platform', true) = 'on'
           OR tenant_id = NULLIF(current_setting('rppg.tenant_id', true), '')::uuid);
