package io.rppg.adapter.web.nervoscan;

import io.rppg.adapter.web.Routes;
import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.metrics.ScanMeters;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase.SessionCreation;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.ManageTenantDomainsUseCase;
import io.rppg.application.port.in.ScanClientMetadataUseCase;
import io.rppg.domain.session.ScanSession;
import io.rppg.domain.session.ScanSessionId;
import io.rppg.domain.tenant.HostName;
import io.rppg.domain.tenant.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nervoscan's job calls: {@code /clientgeturl} opens a job (a scan session) and returns its URL, {@code /check}
 * reports its status, {@code /getcustomerinfo} returns results shaped as Nervoscan clients read them.
 */
@RestController
class NervoscanJobController {

    static final int MAX_JOBS_PER_REQUEST = 100;

    private final CreateScanSessionUseCase createSession;
    private final GetScanSessionQuery getSession;
    private final ManageTenantDomainsUseCase domains;
    private final NervoscanResults results;
    private final ScanClientMetadataUseCase metadata;
    private final JsonMapper json;
    private final ScanMeters meters;

    NervoscanJobController(CreateScanSessionUseCase createSession, GetScanSessionQuery getSession,
                           ManageTenantDomainsUseCase domains, NervoscanResults results,
                           ScanClientMetadataUseCase metadata, JsonMapper json, ScanMeters meters) {
        this.createSession = createSession;
        this.getSession = getSession;
        this.domains = domains;
        this.results = results;
        this.metadata = metadata;
        this.json = json;
        this.meters = meters;
    }

    @PostMapping(value = Routes.NERVOSCAN_GET_URL, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> clientGetUrl(@AuthenticationPrincipal Caller caller,
                                     @RequestBody(required = false) GetUrlRequest request) {
        var tenant = tenantOf(caller);
        var host = HostName.parse(request == null ? null : request.hostName())
                .filter(candidate -> domains.mayUseHost(tenant, candidate))
                .orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_HOST_NAME",
                        "host_name must be the default scan host or a custom domain registered for your account")));
        var outcome = createSession.createScanSession(new CreateScanSessionUseCase.Command(tenant, caller.owner()));
        return switch (outcome) {
            case SessionCreation.Created(var session) -> {
                meters.sessionCreated("nervoscan");
                yield Map.of("success", true, "url", "https://" + host.value() + "/scan?api_key=" + session.id().value());
            }
            case SessionCreation.NoScansAvailable spent -> throw new ApiException(
                    ApiError.of(HttpStatus.PAYMENT_REQUIRED, "NO_SCANS_AVAILABLE", "No scans available!"));
            case SessionCreation.TooManyOpenSessions tooMany -> throw new ApiException(
                    ApiError.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_OPEN_JOBS",
                            "Too many jobs are open; finish or let one expire first."));
        };
    }

    @PostMapping(value = Routes.NERVOSCAN_CHECK, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> check(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) CheckRequest request) {
        var session = job(caller, request == null ? null : request.apiKey());
        return Map.of("success", true, "job_status", NervoscanResults.jobStatus(session));
    }

    @PostMapping(value = Routes.NERVOSCAN_CUSTOMER_INFO, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> getCustomerInfo(@AuthenticationPrincipal Caller caller,
                                        @RequestBody(required = false) CustomerInfoRequest request) {
        if (request == null || !"selection".equals(request.mode())) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_MODE",
                    "mode must be \"selection\""));
        }
        if (request.apiKeys() == null || request.apiKeys().isEmpty()) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "api_keys must list at least one job id"));
        }
        if (request.apiKeys().size() > MAX_JOBS_PER_REQUEST) {
            throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "api_keys may list at most " + MAX_JOBS_PER_REQUEST + " job ids"));
        }
        var jobs = new ArrayList<Map<String, Object>>();
        for (var jobId : request.apiKeys()) {
            var session = job(caller, jobId);
            var metaData = metadata.metadataOf(session.tenantId(), session.id()).map(json::readTree).orElse(null);
            jobs.add(results.estimate(session, metaData));
        }
        return Map.of("success", true, "estimates", List.of(jobs));
    }

    private ScanSession job(Caller caller, String jobId) {
        if (!ScanSessionId.isWellFormed(jobId)) {
            throw jobNotRegistered();
        }
        return getSession.getScanSession(tenantOf(caller), new ScanSessionId(jobId))
                .orElseThrow(NervoscanJobController::jobNotRegistered);
    }

    static TenantId tenantOf(Caller caller) {
        return caller.scanTenant().orElseThrow(() -> new ApiException(ApiError.of(HttpStatus.FORBIDDEN,
                "FORBIDDEN", "jobs belong to customer accounts; this account has none")));
    }

    static ApiException jobNotRegistered() {
        return new ApiException(ApiError.of(HttpStatus.NOT_FOUND, "JOB_NOT_REGISTERED",
                "The job is not registered or has expired"));
    }

    record GetUrlRequest(String hostName) {
    }

    record CheckRequest(String apiKey) {
    }

    record CustomerInfoRequest(String mode, List<String> apiKeys) {
    }
}
