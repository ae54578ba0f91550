-- The stretches of a completed scan's recording whose skin colour was disturbed (FACE_LOST, REGION_LEFT_OUT,
-- EXPOSURE_STEP), beside the pulse they were read with: one element per stretch in the three arrays, start and end in
-- seconds from the start of the recording. NULL for results stored before they were recorded; an empty array when
-- the recording had none. The row is tenant-scoped and goes with its session already.
ALTER TABLE scan_pulses
    ADD COLUMN artifact_types         TEXT[],
    ADD COLUMN artifact_start_seconds DOUBLE PRECISION[],
    ADD COLUMN artifact_end_seconds   DOUBLE PRECISION[],
    ADD CONSTRAINT artifacts_aligned CHECK (
        cardinality(artifact_types) = cardinality(artifact_start_seconds)
        AND cardinality(artifact_types) = cardinality(artifact_end_seconds));
