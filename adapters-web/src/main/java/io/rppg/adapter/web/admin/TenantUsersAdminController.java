package io.rppg.adapter.web.admin;

import io.rppg.adapter.web.error.ApiError;
import io.rppg.adapter.web.error.ApiException;
import io.rppg.adapter.web.security.Caller;
import io.rppg.application.port.in.ManageUsersUseCase;
import io.rppg.application.port.in.ManageUsersUseCase.NewUser;
import io.rppg.domain.identity.Role;
import io.rppg.domain.identity.User;
import io.rppg.domain.identity.UserId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

import static io.rppg.adapter.web.admin.AdminResponses.actor;
import static io.rppg.adapter.web.admin.AdminResponses.missingField;
import static io.rppg.adapter.web.admin.AdminResponses.pathId;
import static io.rppg.adapter.web.admin.AdminResponses.tenantId;
import static io.rppg.adapter.web.admin.AdminResponses.unwrap;

/** The users of a tenant. Passwords go in, never out. */
@RestController
@RequestMapping("/api/v1/admin/tenants/{tenantId}/users")
class TenantUsersAdminController {

    private final ManageUsersUseCase users;

    TenantUsersAdminController(ManageUsersUseCase users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId,
                    @RequestBody(required = false) UserRequest request) {
        if (request == null || request.username() == null) {
            throw missingField("username");
        }
        if (request.email() == null) {
            throw missingField("email");
        }
        if (request.password() == null) {
            throw missingField("password");
        }
        var user = new NewUser(request.username(), request.email(), request.password(), role(request.role()));
        return unwrap(users.createUser(actor(caller), tenantId(tenantId), user), UserView::of);
    }

    @GetMapping
    List<UserView> list(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId) {
        return unwrap(users.listUsers(actor(caller), tenantId(tenantId)), all -> all.stream().map(UserView::of).toList());
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String tenantId, @PathVariable String userId) {
        unwrap(users.deleteUser(actor(caller), tenantId(tenantId), new UserId(pathId(userId, "user"))));
    }


    private static Role role(String text) {
        if (text == null) {
            return Role.MEMBER;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tenant_admin" -> Role.TENANT_ADMIN;
            case "member" -> Role.MEMBER;
            default -> throw new ApiException(ApiError.of(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                    "role must be tenant_admin or member").withDetail("field", "role"));
        };
    }

    record UserRequest(String username, String email, String password, String role) {
        @Override
        public String toString() {
            return "UserRequest[username=" + username + ", email=" + email + ", password=<hidden>, role=" + role + "]";
        }
    }

    record UserView(String id, String tenantId, String username, String email, String role, String createdAt) {
        static UserView of(User user) {
            return new UserView(user.id().toString(), user.tenantId().map(Object::toString).orElse(null),
                    user.username(), user.email(), user.role().name().toLowerCase(Locale.ROOT),
                    user.createdAt().toString());
        }
    }
}
