package io.rppg.application.port.out;

import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's scans read together rather than one by one: searched by what they carry (status, time, device, tags,
 * metadata), and what belongs to many of them read in one statement each, so that a page costs a fixed number of
 * statements whatever its length. Every read names the tenant: another tenant's scans and devices do not exist.
 */
public interface ScanCatalogPort {

    /** Sessions matching the search, newest first, strictly older than its cursor. */
    List<ScanSession> search(TenantId tenant, Search search);

    /** The newest {@code perDevice} sessions streamed from each device, newest first. */
    Map<DeviceId, List<ScanSession>> latestOfDevices(TenantId tenant, Collection<DeviceId> devices, int perDevice);

    /** The device each session was streamed from; sessions not streamed from a device are absent. */
    Map<ScanSessionId, DeviceId> devicesOf(TenantId tenant, Collection<ScanSessionId> sessions);

    /** The devices among {@code ids} that exist. */
    Map<DeviceId, Device> devices(TenantId tenant, Collection<DeviceId> ids);

    /** Each session's tags in alphabetical order; sessions without tags are absent. */
    Map<ScanSessionId, List<String>> tagsOf(TenantId tenant, Collection<ScanSessionId> sessions);

    /** Each session's metadata as JSON text; sessions without metadata are absent. */
    Map<ScanSessionId, String> metadataOf(TenantId tenant, Collection<ScanSessionId> sessions);

    /** Adds and removes tags of a session that exists. */
    void retag(TenantId tenant, ScanSessionId session, Set<String> add, Set<String> remove);

    /** Deletes a session with its tags, metadata and device link; true when there was one. */
    boolean delete(TenantId tenant, ScanSessionId session);

    /**
     * What to search for; null fields do not filter.
     *
     * @param status   the status as a client sees it at {@code asOf} (a pending session past its lifetime is expired)
     * @param from     created at or after
     * @param to       created before
     * @param tags     carries every one of these tags
     * @param metadata a JSON object the session's metadata contains
     * @param before   the creation time and id of the last session of the previous page
     * @param limit    at most this many
     */
    record Search(ScanStatus status, Instant asOf, Instant from, Instant to, DeviceId device, Set<String> tags,
                  String metadata, ScanSessionPort.Cursor before, int limit) {
        public Search {
            if (asOf == null) {
                throw new IllegalArgumentException("a search is read at an instant");
            }
            if (limit < 1 || limit > 101) {
                throw new IllegalArgumentException("a search returns between 1 and 101 sessions");
            }
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }
    }
}
