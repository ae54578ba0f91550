package io.rppg.adapter.persistence.identity;

import io.rppg.adapter.persistence.PostgresAdapters;
import io.rppg.application.contract.RefreshTokenPortContract;
import io.rppg.application.contract.Tenancy;
import io.rppg.application.port.out.RefreshTokenPort;
import io.rppg.application.port.out.UserPort;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresAdapters
class JpaRefreshTokenAdapterTest extends RefreshTokenPortContract {

    @Autowired
    private Tenancy tenancy;
    @Autowired
    private RefreshTokenPort refreshTokens;
    @Autowired
    private UserPort users;

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
