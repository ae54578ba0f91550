package io.rppg.domain.vitals;

/**
 * Whether the beats came at a steady pace. An irregular rhythm (beat intervals varying at random by more than a
 * tenth, as in atrial fibrillation) makes the HRV of a regular rhythm meaningless, so it is reported instead of it.
 */
public enum HeartRhythm {
    /** Beat intervals change smoothly, with breathing: HRV figures describe it. */
    REGULAR,
    /** Beat intervals jump at random from beat to beat. */
    IRREGULAR,
    /** The beats could not be timed well enough to tell. */
    UNDETERMINED
}
