-- The heart rate over time beside the headline rate: one point a second, each the middle of a 10 s window (seconds
-- from the start of the video), its heart rate and its confidence, as three arrays of one length. And whether the
-- beats came at a steady pace, and why the heart rate may not be a pulse at all (null when it is not in doubt). Rows completed before this migration have neither: an empty series, rhythm unknown.
ALTER TABLE scan_sessions
    ADD COLUMN heart_rate_series_seconds    DOUBLE PRECISION[],
    ADD COLUMN heart_rate_series_bpm        DOUBLE PRECISION[],
    ADD COLUMN heart_rate_series_confidence DOUBLE PRECISION[],
    ADD COLUMN rhythm                       VARCHAR(20)
        CHECK (rhythm IN ('REGULAR', 'IRREGULAR', 'UNDETERMINED')),
    ADD COLUMN heart_rate_doubt             VARCHAR(500),
    ADD CONSTRAINT heart_rate_series_aligned CHECK (
        cardinality(heart_rate_series_seconds) = cardinality(heart_rate_series_bpm)
        AND cardinality(heart_rate_series_bpm) = cardinality(heart_rate_series_confidence));
