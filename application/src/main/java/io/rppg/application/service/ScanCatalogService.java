package io.rppg.application.service;

import io.rppg.application.port.in.BrowseScansQuery;
import io.rppg.application.port.in.CurateScansUseCase;
import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.ScanCatalogPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.ScanSessionPort.Cursor;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.domain.live.Device;
import io.rppg.domain.live.DeviceId;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.session.ScanStatus;
import io.rppg.domain.tenant.TenantId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Searching, batch reading, tagging and deleting a tenant's scans. */
public final class ScanCatalogService implements BrowseScansQuery, CurateScansUseCase {

    /** Letters, digits and a few separators: a tag is a label to search by, not free text. */
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/-]{0," + (MAX_TAG_LENGTH - 1) + "}");

    private final ScanCatalogPort catalog;
    private final ScanSessionPort sessions;
    private final VideoStoragePort videos;
    private final TransactionPort transactions;
    private final ClockPort clock;

    public ScanCatalogService(ScanCatalogPort catalog, ScanSessionPort sessions, VideoStoragePort videos,
                              TransactionPort transactions, ClockPort clock) {
        this.catalog = catalog;
        this.sessions = sessions;
        this.videos = videos;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Listing search(Search search) {
        int pageSize = search.first() == null ? DEFAULT_PAGE_SIZE : search.first();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return new Listing.Invalid("first", "first must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (search.from() != null && search.to() != null && !search.from().isBefore(search.to())) {
            return new Listing.Invalid("to", "to must be later than from");
        }
        Cursor before = null;
        if (search.cursor() != null && !search.cursor().isBlank()) {
            var decoded = ScanCursor.decode(search.cursor());
            if (decoded.isEmpty()) {
                return new Listing.Invalid("after", "the cursor is not valid");
            }
            before = decoded.get();
        }
        var after = before;
        var now = clock.now();
        // One more than asked tells whether another page follows, without a count.
        var rows = new ArrayList<>(inTenant(search.tenant(), () -> catalog.search(search.tenant(),
                new ScanCatalogPort.Search(search.status(), now, search.from(), search.to(), search.device(),
                        search.tags(), search.metadata(), after, pageSize + 1))));
        boolean more = rows.size() > pageSize;
        List<ScanSession> page = more ? List.copyOf(rows.subList(0, pageSize)) : List.copyOf(rows);
        var cursors = page.stream().map(session -> ScanCursor.encode(new Cursor(session.createdAt(), session.id())))
                .toList();
        return new Listing.Page(page, cursors, more, after != null, now);
    }

    @Override
    public Map<DeviceId, List<ScanSession>> latestOfDevices(TenantId tenant, Collection<DeviceId> devices,
                                                           int perDevice) {
        int limit = Math.max(1, Math.min(perDevice, MAX_SESSIONS_PER_DEVICE));
        return devices.isEmpty() ? Map.of() : inTenant(tenant, () -> catalog.latestOfDevices(tenant, devices, limit));
    }

    @Override
    public Map<ScanSessionId, DeviceId> devicesOf(TenantId tenant, Collection<ScanSessionId> ids) {
        return ids.isEmpty() ? Map.of() : inTenant(tenant, () -> catalog.devicesOf(tenant, ids));
    }

    @Override
    public Map<DeviceId, Device> devices(TenantId tenant, Collection<DeviceId> ids) {
        return ids.isEmpty() ? Map.of() : inTenant(tenant, () -> catalog.devices(tenant, ids));
    }

    @Override
    public Map<ScanSessionId, List<String>> tagsOf(TenantId tenant, Collection<ScanSessionId> ids) {
        return ids.isEmpty() ? Map.of() : inTenant(tenant, () -> catalog.tagsOf(tenant, ids));
    }

    @Override
    public Map<ScanSessionId, String> metadataOf(TenantId tenant, Collection<ScanSessionId> ids) {
        return ids.isEmpty() ? Map.of() : inTenant(tenant, () -> catalog.metadataOf(tenant, ids));
    }

    @Override
    public Tagging retag(TenantId tenant, ScanSessionId id, Set<String> add, Set<String> remove) {
        var adding = add == null ? Set.<String>of() : Set.copyOf(add);
        var removing = remove == null ? Set.<String>of() : Set.copyOf(remove);
        for (var tag : adding) {
            if (!TAG.matcher(tag).matches()) {
                return new Tagging.Invalid("a tag is 1 to " + MAX_TAG_LENGTH + " letters, digits, spaces or _.:/-, "
                        + "starting with a letter or digit");
            }
        }
        return inTenant(tenant, () -> {
            var session = sessions.findByIdForUpdate(tenant, id).filter(found -> !found.isExpiredAt(clock.now()));
            if (session.isEmpty()) {
                return new Tagging.SessionNotFound();
            }
            var tags = new TreeSet<>(catalog.tagsOf(tenant, List.of(id)).getOrDefault(id, List.of()));
            tags.removeAll(removing);
            tags.addAll(adding);
            if (tags.size() > MAX_TAGS) {
                return new Tagging.Invalid("a session carries at most " + MAX_TAGS + " tags");
            }
            var added = new HashSet<>(adding);
            added.removeAll(removing);
            catalog.retag(tenant, id, added, removing);
            return new Tagging.Tagged(List.copyOf(tags));
        });
    }

    @Override
    public Deletion delete(TenantId tenant, ScanSessionId id) {
        Deletion deletion = inTenant(tenant, () -> {
            var session = sessions.findByIdForUpdate(tenant, id).filter(found -> !found.isExpiredAt(clock.now()));
            if (session.isEmpty()) {
                return new Deletion.SessionNotFound();
            }
            if (session.get().status() == ScanStatus.PROCESSING) {
                return new Deletion.StillProcessing();
            }
            catalog.delete(tenant, id);
            return new Deletion.Deleted(false);
        });
        if (deletion instanceof Deletion.Deleted) {
            // After the commit: a video deleted for a session that then stayed would be a loss; the reverse is swept.
            return new Deletion.Deleted(videos.delete(tenant, id));
        }
        return deletion;
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return transactions.inTenantTransaction(tenant, work);
    }
}
