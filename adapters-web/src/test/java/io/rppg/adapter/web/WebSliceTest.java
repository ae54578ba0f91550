package io.rppg.adapter.web;

import io.rppg.adapter.web.error.RequestIds;
import io.rppg.application.port.in.AuthenticateApiKeyUseCase;
import io.rppg.application.port.in.AuthenticateApiKeyUseCase.AuthenticatedKey;
import io.rppg.application.port.in.CheckCallerAccessQuery;
import io.rppg.application.port.in.CheckCallerAccessQuery.CallerAccess;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase;
import io.rppg.application.port.in.CreateScanSessionUseCase;
import io.rppg.application.port.in.GetScanSessionQuery;
import io.rppg.application.port.in.ListScanSessionsQuery;
import io.rppg.application.port.in.LiveStreamUseCase;
import io.rppg.application.port.in.LogInUseCase;
import io.rppg.application.port.in.ManageApiKeysUseCase;
import io.rppg.application.port.in.ManageDevicesUseCase;
import io.rppg.application.port.in.ManagePlansUseCase;
import io.rppg.application.port.in.ManageTenantDomainsUseCase;
import io.rppg.application.port.in.ManageTenantsUseCase;
import io.rppg.application.port.in.ManageUsersUseCase;
import io.rppg.application.port.in.ManageWebhooksUseCase;
import io.rppg.application.port.in.RefreshAccessTokenUseCase;
import io.rppg.application.port.in.ScanClientMetadataUseCase;
import io.rppg.application.port.in.DirectUploadUseCase;
import io.rppg.application.port.in.SubmitVideoUseCase;
import io.rppg.application.port.in.ViewTenantUsageQuery;
import io.rppg.application.port.out.AccessTokenPort;
import io.rppg.domain.identity.ApiKey;
import io.rppg.domain.identity.ApiKeyId;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import io.rppg.domain.tenant.TenantId;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import io.rppg.application.port.in.BrowseScansQuery;
import io.rppg.application.port.in.ConsumeQueryAllowanceUseCase;
import io.rppg.application.port.in.CurateScansUseCase;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.mockito.Mockito.when;

/**
 * Base of the web-slice tests: the controllers, the security filter chain and the error handler on MockMvc, with
 * every use case a Mockito mock. Callers hold real credentials of the slice: API keys the mocked use case knows, and
 * access tokens signed with the slice's key. All subclasses share one Spring context.
 */
@SpringBootTest(classes = WebSliceApplication.class)
public abstract class WebSliceTest {

    @MockitoBean
    protected AuthenticateApiKeyUseCase apiKeys;
    @MockitoBean
    protected CheckCallerAccessQuery callerAccess;
    @MockitoBean
    protected ConsumeRequestAllowanceUseCase allowances;
    @MockitoBean
    protected CreateScanSessionUseCase createSession;
    @MockitoBean
    protected GetScanSessionQuery getSession;
    @MockitoBean
    protected ListScanSessionsQuery listSessions;
    @MockitoBean
    protected SubmitVideoUseCase submitVideo;
    @MockitoBean
    protected DirectUploadUseCase directUpload;
    @MockitoBean
    protected ScanClientMetadataUseCase metadata;
    @MockitoBean
    protected LogInUseCase logIn;
    @MockitoBean
    protected RefreshAccessTokenUseCase refresh;
    @MockitoBean
    protected ManagePlansUseCase plans;
    @MockitoBean
    protected ManageTenantsUseCase tenants;
    @MockitoBean
    protected ManageUsersUseCase users;
    @MockitoBean
    protected ManageApiKeysUseCase keys;
    @MockitoBean
    protected ManageTenantDomainsUseCase domains;
    @MockitoBean
    protected ManageWebhooksUseCase webhooks;
    @MockitoBean
    protected ViewTenantUsageQuery usage;
    @MockitoBean
    protected ManageDevicesUseCase devices;
    @MockitoBean
    protected LiveStreamUseCase liveStreams;
    @MockitoBean
    protected BrowseScansQuery browseScans;
    @MockitoBean
    protected CurateScansUseCase curateScans;
    @MockitoBean
    protected ConsumeQueryAllowanceUseCase queryAllowances;

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private AccessTokenPort accessTokens;
    @Autowired
    private RequestIds requestIds;

    protected MockMvc mvc;

    @BeforeEach
    void buildMockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(requestIds, context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    /** The bearer header of a live API key of the tenant, whose tenant is active or suspended as asked. */
    protected String apiKeyOf(TenantId tenant, boolean tenantActive) {
        var secret = ApiKey.SECRET_PREFIX + UUID.randomUUID().toString().replace("-", "");
        var key = new ApiKey(new ApiKeyId(UUID.randomUUID()), tenant, "app", secret.substring(0, 16),
                "sha256 of " + secret, new UserId(UUID.randomUUID()), Instant.now(), null, null);
        when(apiKeys.authenticate(secret)).thenReturn(Optional.of(new AuthenticatedKey(key, tenantActive)));
        return "Bearer " + secret;
    }

    protected String apiKeyOf(TenantId tenant) {
        return apiKeyOf(tenant, true);
    }

    /** The bearer header of an access token signed here for a user who may still call. */
    protected String accessTokenOf(User user) {
        when(callerAccess.accessOf(user.id())).thenReturn(CallerAccess.ALLOWED);
        return "Bearer " + accessTokens.issue(user, Instant.now()).value();
    }

    protected static User user(Role role, Optional<TenantId> tenant) {
        var name = role.name().toLowerCase() + "-" + UUID.randomUUID();
        return new User(new UserId(UUID.randomUUID()), tenant, name, name + "@clinic.example", "hash", role,
                Instant.now());
    }

    protected static TenantId newTenantId() {
        return new TenantId(UUID.randomUUID());
    }
}
