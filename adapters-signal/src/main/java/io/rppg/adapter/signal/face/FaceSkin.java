package io.rppg.adapter.signal.face;

import io.rppg.adapter.signal.video.Orientation;
import io.rppg.adapter.signal.video.YuvPicture;

import java.util.ArrayList;
import java.util.List;

/**
 * The skin of the held face, picture by picture: the forehead and both cheeks ({@link SkinRegion}), each followed
 * on its own and joined into one colour.
 *
 * <p>Each region's colour is kept continuous. Its own steps are taken out as offsets: when the landmarks move it
 * onto other skin (measured with the old and the new placement in the same picture, the difference is the step
 * alone, since the pulse is the same in both), and when the camera's exposure or white balance jumps (every region
 * steps by the same share in the same picture). A region is left out while it is not usable: occluded (its skin
 * share falls, a hand or hair covers it), blown out, or jumping away from its own recent level (a hand passing over
 * it is skin-coloured too); it is taken back once it has been clean for {@value #CLEAN_SECONDS} s. The regions are
 * joined as shares of their own reference colour, weighted by how much skin each shows, so that a region leaving
 * or joining changes the weights and not the level; what is left of the step is stitched the same way.
 */
public final class FaceSkin {

    static final double CLEAN_SECONDS = 0.5;
    /** A region deviating from its last second's level by more than this share (or 5x its usual scatter) jumps. */
    private static final double JUMP_SHARE = 0.03;
    /** Every region stepping by more than this share in one picture, the same way: the camera, not the face. */
    private static final double EXPOSURE_STEP = 0.015;
    private static final double MIN_SKIN_SHARE = 0.25;
    private static final double MAX_CLIPPED_SHARE = 0.2;
    private static final double BASELINE_SECONDS = 1.0;

    private final SkinRegionSampler sampler = new SkinRegionSampler();
    private final List<Track> tracks = new ArrayList<>();
    private final double[] offset = new double[3];
    private double[] scale;
    private double[] lastJoined;
    private double lastSeconds = Double.NaN;
    private int exposureSteps;

    /**
     * The joined skin colour of the face in this picture, or null when none of its regions is usable.
     *
     * @param seconds the picture's time, for how long a region has been clean
     */
    public SkinSample sample(YuvPicture picture, Orientation orientation, Face face, double seconds) {
        List<SkinRegion> regions = SkinRegion.of(face);
        if (regions.isEmpty()) {
            lose();
            return null;
        }
        while (tracks.size() < regions.size()) {
            tracks.add(new Track());
        }
        double dt = Double.isNaN(lastSeconds) ? 0 : Math.max(0, seconds - lastSeconds);
        lastSeconds = seconds;
        for (int i = 0; i < regions.size(); i++) {
            tracks.get(i).measure(picture, orientation, regions.get(i));
        }
        stitchExposureStep();
        for (Track track : tracks) {
            track.judge(seconds, dt);
        }
        return join();
    }

    /** The face was lost: what follows may be another view of it, not to be stitched to what came before. */
    public void lose() {
        tracks.clear();
        lastJoined = null;
        lastSeconds = Double.NaN;
    }

    /** How often the whole face's colour stepped at once (the camera's exposure or white balance), so far. */
    public int exposureSteps() {
        return exposureSteps;
    }

    /** How many regions the face has right now, used or not. */
    public int regionsPlaced() {
        return tracks.size();
    }

    /** Names of the regions that make up the colour right now. */
    public List<String> regionsInUse() {
        return tracks.stream().filter(t -> t.member).map(t -> t.region.name()).toList();
    }

    /**
     * When every measured region steps the same way in one picture, in any of the three colours (exposure moves
     * all three, white balance one against another), the camera changed, not the skin: each region carries on
     * from its last colour. One region alone cannot tell a camera from a hand, so at least two must agree.
     */
    private void stitchExposureStep() {
        List<Track> measured = tracks.stream().filter(t -> t.valid && t.previous != null).toList();
        if (measured.size() < 2) {
            return;
        }
        boolean stepped = false;
        for (int c = 0; c < 3 && !stepped; c++) {
            int up = 0, down = 0;
            for (Track track : measured) {
                double step = track.value[c] / track.previous[c] - 1;
                up += step > EXPOSURE_STEP ? 1 : 0;
                down += step < -EXPOSURE_STEP ? 1 : 0;
            }
            stepped = up == measured.size() || down == measured.size();
        }
        if (stepped) {
            exposureSteps++;
            measured.forEach(Track::continueFromPrevious);
        }
    }

    private SkinSample join() {
        List<Track> members = tracks.stream().filter(t -> t.member).toList();
        if (members.isEmpty()) {
            lastJoined = null;
            return null;
        }
        double[] joined = joined(members, false);
        boolean changed = tracks.stream().anyMatch(t -> t.member != t.wasMember);
        if (changed && lastJoined != null) {
            double[] before = joined(members, true);
            if (before != null) {
                // The same members' colour one picture back, against what was reported then: the level step.
                for (int c = 0; c < 3; c++) {
                    offset[c] += lastJoined[c] - before[c];
                }
            }
        }
        if (scale == null) {
            scale = new double[3];
            double weights = 0;
            for (Track track : members) {
                weights += track.weight;
                for (int c = 0; c < 3; c++) {
                    scale[c] += track.weight * track.value[c];
                }
            }
            for (int c = 0; c < 3; c++) {
                scale[c] /= weights;
            }
        }
        lastJoined = new double[]{joined[0] + offset[0], joined[1] + offset[1], joined[2] + offset[2]};
        double luma = 0, weights = 0;
        int points = 0;
        for (Track track : members) {
            luma += track.weight * track.sample.luma();
            weights += track.weight;
            points += track.sample.skinPoints();
        }
        return new SkinSample(lastJoined[0] * scale[0], lastJoined[1] * scale[1], lastJoined[2] * scale[2],
                luma / weights, points, steps());
    }

    /**
     * Each region's step since the picture before, in the joined colour's units. When every member has a colour
     * in the picture before, the joined colour moved by exactly the weighted mean of these steps (a member
     * joining or leaving is stitched so); when one has none, the join had no step to stitch and jumped.
     */
    private List<RegionStep> steps() {
        List<RegionStep> steps = new ArrayList<>(tracks.size());
        for (Track track : tracks) {
            steps.add(track.member && track.previous != null ? new RegionStep(track.weight,
                    (track.value[0] - track.previous[0]) / track.reference[0] * scale[0],
                    (track.value[1] - track.previous[1]) / track.reference[1] * scale[1],
                    (track.value[2] - track.previous[2]) / track.reference[2] * scale[2]) : RegionStep.NONE);
        }
        return steps;
    }

    /** The members' colours as shares of their references, weighted; one picture back when {@code previous}. */
    private static double[] joined(List<Track> members, boolean previous) {
        double[] sum = new double[3];
        double weights = 0;
        for (Track track : members) {
            double[] value = previous ? track.previous : track.value;
            if (value == null) {
                return null;
            }
            weights += track.weight;
            for (int c = 0; c < 3; c++) {
                sum[c] += track.weight * value[c] / track.reference[c];
            }
        }
        for (int c = 0; c < 3; c++) {
            sum[c] /= weights;
        }
        return sum;
    }

    /** One region followed across pictures. */
    private final class Track {

        SkinRegion region;
        RegionSample sample;
        boolean valid;
        double usualLuma = Double.NaN;
        double usualShare = Double.NaN;
        final double[] offset = new double[3];
        /** This picture's colour with the offsets applied; the last picture's. */
        double[] value;
        double[] previous;
        double[] reference;
        double baseline = Double.NaN;
        double scatter;
        double usualPoints;
        double weight;
        boolean member;
        boolean wasMember;
        double cleanSince = Double.NaN;

        void measure(YuvPicture picture, Orientation orientation, SkinRegion placed) {
            previous = valid ? value : null;
            wasMember = member;
            RegionSample now = sampler.sample(picture, orientation, placed, usualLuma);
            if (now.skinPoints() > 0 && Double.isNaN(usualLuma)) {
                // The first picture has no usual brightness yet, so brows and shadows passed; measured again
                // without them, it matches the pictures that follow instead of standing out as a step.
                usualLuma = now.luma();
                now = sampler.sample(picture, orientation, placed, usualLuma);
            }
            if (region != null && !region.equals(placed) && now.skinPoints() > 0 && previous != null) {
                RegionSample before = sampler.sample(picture, orientation, region, usualLuma);
                if (before.skinPoints() > 0) {
                    offset[0] += before.red() - now.red();
                    offset[1] += before.green() - now.green();
                    offset[2] += before.blue() - now.blue();
                }
            }
            region = placed;
            sample = now;
            valid = now.skinPoints() > 0;
            if (valid) {
                usualLuma = now.luma();
                value = new double[]{now.red() + offset[0], now.green() + offset[1], now.blue() + offset[2]};
                if (reference == null) {
                    reference = value.clone();
                }
            } else {
                value = null;
            }
        }

        void continueFromPrevious() {
            for (int c = 0; c < 3; c++) {
                offset[c] += previous[c] - value[c];
            }
            value = previous.clone();
        }

        void judge(double seconds, double dt) {
            boolean clean = valid && sample.clippedShare() <= MAX_CLIPPED_SHARE
                    && sample.skinShare() >= Math.max(MIN_SKIN_SHARE,
                    Double.isNaN(usualShare) ? 0 : 0.5 * usualShare);
            if (valid) {
                double green = value[1];
                if (Double.isNaN(baseline)) {
                    baseline = green;
                }
                double deviation = Math.abs(green / baseline - 1);
                clean &= deviation <= Math.max(JUMP_SHARE, 5 * scatter);
                double follow = dt <= 0 ? 1 : Math.min(1, dt / BASELINE_SECONDS);
                baseline += follow * (green - baseline);
                if (clean) {
                    scatter += follow * (deviation - scatter);
                    usualShare = Double.isNaN(usualShare) ? sample.skinShare()
                            : usualShare + follow * (sample.skinShare() - usualShare);
                    usualPoints = usualPoints == 0 ? sample.skinPoints()
                            : usualPoints + follow * (sample.skinPoints() - usualPoints);
                }
            }
            if (!clean) {
                cleanSince = Double.NaN;
                member = false;
                return;
            }
            if (Double.isNaN(cleanSince)) {
                cleanSince = seconds;
            }
            boolean nobodyYet = tracks.stream().noneMatch(t -> t.wasMember);
            member = wasMember || nobodyYet || seconds - cleanSince >= CLEAN_SECONDS;
            if (member && !wasMember) {
                // The weight is fixed while the region stays in: a weight that moved with every picture would mix
                // the regions' differences in colour into the trace, at the pace of whatever moves the face.
                weight = usualPoints;
            }
        }
    }
}
