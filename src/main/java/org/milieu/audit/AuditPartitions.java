package org.milieu.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit trail's month partitions prepared three months ahead (the database function
 * {@code audit_event_prepare_months}), every day and shortly after start. Should it not run for
 * months, nothing is lost: rows without their month's partition go to the default partition.
 */
@Component
class AuditPartitions {

	private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);

	static final int MONTHS_AHEAD = 3;

	private final JdbcClient jdbc;

	AuditPartitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT1M")
	@SchedulerLock(name = "audit-prepare-months", lockAtMostFor = "PT10M")
	void prepareMonthsAhead() {
		try {
			int made = prepare();
			if (made > 0) {
				log.info("Audit trail: {} month partitions prepared", made);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Audit trail: month partitions could not be prepared; rows go to the default partition until they are",
					ex);
		}
	}

	int prepare() {
		return jdbc.sql("select audit_event_prepare_months(clock_timestamp(), ?)").param(MONTHS_AHEAD)
			.query(Integer.class).single();
	}
}
