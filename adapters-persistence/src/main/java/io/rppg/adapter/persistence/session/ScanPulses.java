package io.rppg.adapter.persistence.session;

import io.rppg.domain.session.ScanSession;
import io.rppg.domain.vitals.PulseSpectrum;
import io.rppg.domain.vitals.PulseWaveform;
import io.rppg.domain.vitals.RecordingArtifact;
import io.rppg.domain.vitals.Vitals;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pulse of a completed session (table {@code scan_pulses}), beside its row: written once with the result, read
 * when one session is read, never with a listing.
 */
final class ScanPulses {

    private final JdbcTemplate jdbc;

    ScanPulses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the pulse of the session's vitals, if they carry one. A result is written once; a session read without
     * its pulse and saved again keeps the pulse already stored.
     */
    void write(ScanSession session) {
        Vitals vitals = session.vitals();
        if (vitals == null || vitals.waveform() == null) {
            return;
        }
        PulseWaveform waveform = vitals.waveform();
        PulseSpectrum spectrum = vitals.spectrum();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO scan_pulses (tenant_id, session_id, sample_rate_hz, waveform, beats_seconds,
                                             spectrum_bpm, spectrum_power, peak_bpm, artifact_types,
                                             artifact_start_seconds, artifact_end_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (tenant_id, session_id) DO NOTHING
                    """);
            statement.setObject(1, session.tenantId().value());
            statement.setString(2, session.id().value());
            statement.setDouble(3, waveform.sampleRateHz());
            statement.setArray(4, array(connection, waveform.values()));
            statement.setArray(5, array(connection, waveform.beatSeconds()));
            statement.setArray(6, array(connection, spectrum.bpm()));
            statement.setArray(7, array(connection, spectrum.power()));
            statement.setDouble(8, spectrum.peakBpm());
            List<RecordingArtifact> artifacts = vitals.artifacts();
            if (artifacts == null) {
                statement.setNull(9, Types.ARRAY);
                statement.setNull(10, Types.ARRAY);
                statement.setNull(11, Types.ARRAY);
            } else {
                statement.setArray(9, connection.createArrayOf("text",
                        artifacts.stream().map(a -> a.type().name()).toArray()));
                statement.setArray(10, array(connection,
                        artifacts.stream().map(RecordingArtifact::startSeconds).toList()));
                statement.setArray(11, array(connection,
                        artifacts.stream().map(RecordingArtifact::endSeconds).toList()));
            }
            return statement;
        });
    }

    /** The columns of {@code scan_pulses}, as {@code p}, that {@link #attach} reads beside a session's. */
    static final String COLUMNS = "p.sample_rate_hz, p.waveform, p.beats_seconds, p.spectrum_bpm, p.spectrum_power,"
            + " p.peak_bpm, p.artifact_types, p.artifact_start_seconds, p.artifact_end_seconds";

    /**
     * The session with the pulse of its vitals when the row (a session's, its pulse's {@link #COLUMNS} joined)
     * holds one; as it was otherwise.
     */
    static ScanSession attach(ScanSession session, ResultSet row) throws SQLException {
        if (session.vitals() == null || row.getObject("sample_rate_hz") == null) {
            return session;
        }
        return new ScanSession(session.id(), session.tenantId(), session.owner(), session.status(),
                session.createdAt(), session.expiresAt(), session.videoReceivedAt(), session.finishedAt(),
                withPulse(session.vitals(), row), session.failure());
    }

    private static Vitals withPulse(Vitals vitals, ResultSet row) throws SQLException {
        return vitals.withPulse(
                new PulseWaveform(row.getDouble("sample_rate_hz"), doubles(row, "waveform"),
                        doubles(row, "beats_seconds")),
                new PulseSpectrum(doubles(row, "spectrum_bpm"), doubles(row, "spectrum_power"),
                        row.getDouble("peak_bpm")))
                .withArtifacts(artifacts(row));
    }

    /** The stored stretches, or null when the result was stored before they were recorded. */
    private static List<RecordingArtifact> artifacts(ResultSet row) throws SQLException {
        Array types = row.getArray("artifact_types");
        if (types == null) {
            return null;
        }
        Object[] names = (Object[]) types.getArray();
        List<Double> starts = doubles(row, "artifact_start_seconds");
        List<Double> ends = doubles(row, "artifact_end_seconds");
        var artifacts = new ArrayList<RecordingArtifact>(names.length);
        for (int i = 0; i < names.length; i++) {
            artifacts.add(new RecordingArtifact(RecordingArtifact.Type.valueOf((String) names[i]), starts.get(i),
                    ends.get(i)));
        }
        return artifacts;
    }

    private static List<Double> doubles(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return Arrays.stream((Object[]) array.getArray()).map(value -> ((Number) value).doubleValue()).toList();
    }

    private static Array array(Connection connection, List<Double> values) throws SQLException {
        return connection.createArrayOf("float8", values.toArray());
    }
}
