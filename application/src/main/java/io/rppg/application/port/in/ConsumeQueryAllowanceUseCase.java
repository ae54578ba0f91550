package io.rppg.application.port.in;

import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.CallerRequest;
import io.rppg.application.port.in.ConsumeRequestAllowanceUseCase.RequestAllowance;

/**
 * A query API's allowance: a caller may run queries costing so many points an hour, a query's cost being its
 * complexity, counted in the same shared buckets as the per-request limits.
 */
public interface ConsumeQueryAllowanceUseCase {

    /** Spends {@code cost} points (at least 1) of the caller's hourly allowance, all or nothing. */
    RequestAllowance consumeQuery(CallerRequest caller, int cost);
}
