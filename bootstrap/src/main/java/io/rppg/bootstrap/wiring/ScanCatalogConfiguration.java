package io.rppg.bootstrap.wiring;

import io.rppg.application.port.out.ClockPort;
import io.rppg.application.port.out.RateLimitPort;
import io.rppg.application.port.out.ScanCatalogPort;
import io.rppg.application.port.out.ScanSessionPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.application.port.out.VideoStoragePort;
import io.rppg.application.service.ScanCatalogService;
import io.rppg.application.service.ratelimit.QueryAllowanceService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Browsing, tagging and deleting scans (the GraphQL API's reads and mutations), and its query allowance. */
@Configuration(proxyBeanMethods = false)
public class ScanCatalogConfiguration {

    @Bean
    ScanCatalogService scanCatalogService(ScanCatalogPort catalog, ScanSessionPort sessions, VideoStoragePort videos,
                                          TransactionPort transactions, ClockPort clock) {
        return new ScanCatalogService(catalog, sessions, videos, transactions, clock);
    }

    @Bean
    QueryAllowanceService queryAllowanceService(RateLimitPort buckets, ClockPort clock,
                                                @Value("${rppg.graphql.queries-per-window:500}") int queries,
                                                @Value("${rppg.graphql.query-window:1h}") Duration window) {
        return new QueryAllowanceService(buckets, clock, new QueryAllowanceService.Settings(queries, window));
    }
}
