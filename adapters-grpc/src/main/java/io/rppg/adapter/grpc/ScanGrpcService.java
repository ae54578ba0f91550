package io.rppg.adapter.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.rppg.adapter.grpc.v1.GetScanRequest;
import io.rppg.adapter.grpc.v1.ListScansRequest;
import io.rppg.adapter.grpc.v1.ListScansResponse;
import io.rppg.adapter.grpc.v1.ScanResult;
import io.rppg.adapter.grpc.v1.ScanServiceGrpc;
import io.rppg.adapter.grpc.v1.VideoChunk;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.ListScanSessionsQuery;
import io.rppg.application.port.in.ListScanSessionsQuery.Listing;
import io.rppg.domain.session.ScanSessionId;

import java.time.Instant;

/** {@code rppg.v1.ScanService}: chunked uploads and the tenant's scans, as the v1 REST API serves them. */
final class ScanGrpcService extends ScanServiceGrpc.ScanServiceImplBase {

    private final VideoUpload.Dependencies uploads;
    private final GetScanSessionQuery getSession;
    private final ListScanSessionsQuery listSessions;
    private final GrpcProperties properties;

    ScanGrpcService(VideoUpload.Dependencies uploads, ListScanSessionsQuery listSessions, GrpcProperties properties) {
        this.uploads = uploads;
        this.getSession = uploads.getSession();
        this.listSessions = listSessions;
        this.properties = properties;
    }

    @Override
    public StreamObserver<VideoChunk> analyzeVideo(StreamObserver<ScanResult> responses) {
        return new VideoUpload((ServerCallStreamObserver<ScanResult>) responses, GrpcCaller.current(), uploads,
                properties);
    }

    @Override
    public void getScan(GetScanRequest request, StreamObserver<ScanResult> responses) {
        Calls.unary(responses, () -> {
            var tenant = GrpcCaller.current().scanTenant();
            if (!ScanSessionId.isWellFormed(request.getSessionId())) {
                throw Refusals.sessionNotFound();
            }
            var now = Instant.now();
            return getSession.getScanSession(tenant, new ScanSessionId(request.getSessionId()))
                    .map(session -> ScanMessages.result(session, now))
                    .orElseThrow(Refusals::sessionNotFound);
        });
    }

    @Override
    public void listScans(ListScansRequest request, StreamObserver<ListScansResponse> responses) {
        Calls.unary(responses, () -> {
            var tenant = GrpcCaller.current().scanTenant();
            if (request.getLimit() < 0 || request.getLimit() > ListScanSessionsQuery.MAX_PAGE_SIZE) {
                throw Refusals.invalid("limit must be 1-" + ListScanSessionsQuery.MAX_PAGE_SIZE + " (0: "
                        + ListScanSessionsQuery.DEFAULT_PAGE_SIZE + ")");
            }
            var listing = listSessions.listScanSessions(new ListScanSessionsQuery.Query(tenant,
                    ScanMessages.filter(request.getStatus()),
                    request.getCursor().isEmpty() ? null : request.getCursor(),
                    request.getLimit() == 0 ? null : request.getLimit()));
            return switch (listing) {
                case Listing.Page page -> {
                    var response = ListScansResponse.newBuilder();
                    page.sessions().forEach(session -> response.addScans(ScanMessages.summary(session, page.asOf())));
                    page.nextCursor().ifPresent(response::setNextCursor);
                    yield response.build();
                }
                case Listing.InvalidRequest(var detail) -> throw Refusals.invalid(detail);
            };
        });
    }
}
