package io.rppg.application.identity;

import io.rppg.application.contract.RefreshTokenPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.fakes.InMemoryRefreshTokenPort;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.UserPort;

class InMemoryRefreshTokenPortTest extends RefreshTokenPortContract {

    private final Tenancy tenancy = Tenancy.inMemory();
    private final RefreshTokenPort refreshTokens = new InMemoryRefreshTokenPort();
    private final UserPort users = new IdentityFakes.Users();

    @Override
    protected Tenancy tenancy() {
        return tenancy;
    }

    @Override
    protected RefreshTokenPort refreshTokens() {
        return refreshTokens;
    }

    @Override
    protected UserPort users() {
        return users;
    }
}
