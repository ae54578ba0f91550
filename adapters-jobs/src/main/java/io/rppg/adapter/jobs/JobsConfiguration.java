package io.rppg.adapter.jobs;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The background wing: db-scheduler's tasks (scan analysis, the hourly sweep), the webhook delivery worker and its
 * outbound HTTP sender. Like every adapter module, it wires its own adapters; the application's services come from
 * the composition root.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableScheduling
public class JobsConfiguration {
}
