package org.milieu.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled housekeeping jobs (e.g. forgetting expired idempotency keys) and the
 * asynchronous listeners with which modules react to each other's events after commit.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {
}
