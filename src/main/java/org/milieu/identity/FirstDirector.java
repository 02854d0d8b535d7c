package org.milieu.identity;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.milieu.platform.Programs;
import org.milieu.shared.ProgramId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start of a production installation: with no program in the database and
 * {@code MILIEU_PROGRAM_NAME}, {@code MILIEU_ADMIN_USERNAME} and {@code MILIEU_ADMIN_PASSWORD}
 * set, founds the program and opens its first director (ADMIN) account, both or neither. Once
 * any program exists the variables are ignored, so a stale password in the environment can
 * never reset anything. The embedded (demo) mode never comes here: its database is seeded first.
 */
@Component
class FirstDirector {

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Logger log = LoggerFactory.getLogger(FirstDirector.class);

	private final Programs programs;

	private final Accounts accounts;

	private final TransactionTemplate transactions;

	private final Environment environment;

	FirstDirector(Programs programs, Accounts accounts, TransactionTemplate transactions, Environment environment) {
		this.programs = programs;
		this.accounts = accounts;
		this.transactions = transactions;
		this.environment = environment;
	}

	/** Runs after the demo seeder, so the embedded mode's demo program always comes first. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	void foundProgramIfNone() {
		if (programs.any()) {
			return;
		}
		String program = environment.getProperty("milieu.bootstrap.program-name", "").trim();
		String username = environment.getProperty("milieu.bootstrap.admin-username", "").trim();
		String password = environment.getProperty("milieu.bootstrap.admin-password", "");
		String zone = environment.getProperty("milieu.bootstrap.time-zone", "UTC").trim();
		if (program.isEmpty() || username.isEmpty() || password.isEmpty()) {
			log.warn("The database holds no program yet, so nobody can sign in. Set MILIEU_PROGRAM_NAME, "
					+ "MILIEU_ADMIN_USERNAME and MILIEU_ADMIN_PASSWORD (at least {} characters) and restart once; "
					+ "see docs/OPERATIONS.md", MIN_PASSWORD_LENGTH);
			return;
		}
		if (password.length() < MIN_PASSWORD_LENGTH) {
			log.error("MILIEU_ADMIN_PASSWORD is shorter than {} characters; no program was founded", MIN_PASSWORD_LENGTH);
			return;
		}
		transactions.executeWithoutResult(tx -> {
			ProgramId id = new ProgramId(UUID.randomUUID());
			programs.found(id, program, ZoneId.of(zone));
			accounts.open(new NewAccount(id, username, username, password, Set.of(Role.ADMIN), null));
		});
		log.info("Founded the program {} with its first director account {}", program, username);
	}
}
