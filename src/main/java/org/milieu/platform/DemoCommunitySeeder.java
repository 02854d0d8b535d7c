package org.milieu.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.milieu.platform.database.EmbeddedDatabase;
import org.milieu.shared.ProgramId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo community "Harbor House" into an empty embedded database, then tells the log
 * where Milieu answers and how to sign in. With an external database it never runs: production
 * data is never mixed with invented people.
 */
@Component
class DemoCommunitySeeder {

	static final ProgramId HARBOR_HOUSE = new ProgramId(java.util.UUID.fromString("5a1e0000-0000-4000-8000-000000000001"));

	private static final Logger log = LoggerFactory.getLogger(DemoCommunitySeeder.class);

	private final ObjectProvider<EmbeddedDatabase> embedded;

	private final Programs programs;

	private final List<DemoContributor> contributors;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Environment environment;

	DemoCommunitySeeder(ObjectProvider<EmbeddedDatabase> embedded, Programs programs, List<DemoContributor> contributors,
			TransactionTemplate transactions, Clock clock, Environment environment) {
		this.embedded = embedded;
		this.programs = programs;
		this.contributors = contributors;
		this.transactions = transactions;
		this.clock = clock;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void seedIfEmpty() {
		if (embedded.getIfAvailable() == null) {
			return;
		}
		boolean seeded = Boolean.TRUE.equals(transactions.execute(tx -> {
			if (programs.any()) {
				return false;
			}
			seed();
			return true;
		}));
		String url = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/";
		if (seeded) {
			log.info("Seeded the demo community Harbor House ({} contributors)", contributors.size());
		}
		if (programs.find(HARBOR_HOUSE).isPresent()) {
			log.info("Milieu is ready at {} - demo sign-ins (password {}): director, clinician, staff, family, "
					+ "resident01 ... resident32", url, DemoCommunity.PASSWORD);
		}
		else {
			log.info("Milieu is ready at {}", url);
		}
	}

	private void seed() {
		ZoneId zone = ZoneId.of("America/Chicago");
		Program program = programs.found(HARBOR_HOUSE, "Harbor House", zone);
		DemoCommunity community = new DemoCommunity(program, LocalDate.now(clock.withZone(zone)));
		contributors.forEach(c -> c.contribute(community));
	}
}
