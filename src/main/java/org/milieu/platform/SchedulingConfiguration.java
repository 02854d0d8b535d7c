package org.milieu.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on scheduled jobs (forgetting expired idempotency keys, the daily census snapshot, the
 * staffing-ratio watch) and the asynchronous listeners with which modules react to each other's
 * events after commit. A job that must run on one node at a time carries ShedLock's
 * {@code @SchedulerLock}; the locks live in the table {@code shedlock}, with the database's clock.
 * Every scheduled job runs as long work ({@link Transactions#beginLongWork()}): its statements may
 * take longer than a request's.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.withLockedByValue(lockedBy())
			.build());
	}

	/** Scheduled jobs run as long work: their transactions get the long-work statement limit. */
	@Bean
	ThreadPoolTaskSchedulerCustomizer jobsAsLongWork(Transactions transactions) {
		return scheduler -> scheduler.setTaskDecorator(transactions::asLongWork);
	}

	/** The same when the scheduler runs on virtual threads. */
	@Bean
	SimpleAsyncTaskSchedulerCustomizer jobsAsLongWorkOnVirtualThreads(Transactions transactions) {
		return scheduler -> scheduler.setTaskDecorator(transactions::asLongWork);
	}

	/**
	 * Who holds a lock, as written to {@code shedlock.locked_by}: the host and the process, so that
	 * two nodes on one host (or in containers with one name) are told apart.
	 */
	static String lockedBy() {
		String host;
		try {
			host = java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			host = "unknown";
		}
		return host + "/" + ProcessHandle.current().pid();
	}
}
