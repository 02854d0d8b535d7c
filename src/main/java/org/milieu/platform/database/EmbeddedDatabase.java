package org.milieu.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from the zonky binaries, for the default run and the tests.
 *
 * <p>Persistent mode keeps its cluster in {@code <data-dir>/postgres} with durable commits, so what
 * a program director enters survives a restart. Ephemeral mode (tests) shares one throw-away
 * server per JVM, whatever the number of Spring contexts, and trades durability for speed.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	static final String DATABASE = "milieu";

	static final String APPLICATION_ROLE = "milieu_app";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static EmbeddedDatabase sharedEphemeral;

	private final EmbeddedPostgres postgres;

	private final boolean shared;

	private EmbeddedDatabase(EmbeddedPostgres postgres, boolean shared) {
		this.postgres = postgres;
		this.shared = shared;
	}

	/** Starts (creating on first use) the durable cluster under {@code dataDir}. */
	public static EmbeddedDatabase persistent(Path dataDir) {
		Path cluster = dataDir.toAbsolutePath().normalize().resolve("postgres");
		try {
			Files.createDirectories(cluster);
			stopOrphanedServer(cluster);
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(cluster)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("listen_addresses", "localhost")
				.setPGStartupWait(Duration.ofSeconds(60))
				// stopped by the application context once the web server has finished its requests
				// (close()), not by a JVM shutdown hook of its own that would stop it under them
				.setRegisterShutdownHook(false)
				.start();
			EmbeddedDatabase db = new EmbeddedDatabase(pg, false);
			db.createDatabaseIfMissing();
			log.info("Embedded PostgreSQL 17 on port {} with its data in {}", pg.getPort(), cluster);
			return db;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster, ex);
		}
	}

	/** One throw-away server for the whole JVM; closed when the JVM exits. */
	public static synchronized EmbeddedDatabase ephemeral() {
		if (sharedEphemeral == null) {
			try {
				EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
				sharedEphemeral = new EmbeddedDatabase(pg, true);
				sharedEphemeral.createDatabaseIfMissing();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
		}
		return sharedEphemeral;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	/**
	 * Creates an empty database {@code name} on this server (dropping any earlier one) and returns
	 * its JDBC URL: for tests that need a database standing in for an external server.
	 */
	public String freshDatabase(String name) {
		if (!name.matches("[a-z_]{1,40}")) {
			throw new IllegalArgumentException("database names here are lower-case letters and underscores");
		}
		try (Connection c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			s.execute("drop database if exists " + name + " with (force)");
			s.execute("create database " + name + " encoding 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
	}

	/** The owner: runs the migrations, may do anything. */
	public String username() {
		return "postgres";
	}

	/**
	 * The role the application runs as: it may read and write the community's tables but, for
	 * example, only insert into the audit trail (the migrations grant and revoke accordingly).
	 */
	public String applicationRole() {
		return APPLICATION_ROLE;
	}

	public int port() {
		return postgres.getPort();
	}

	private void createDatabaseIfMissing() {
		try (Connection c = postgres.getPostgresDatabase().getConnection();
				var role = c.createStatement();
				var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
			role.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE
					+ "') then create role " + APPLICATION_ROLE + " login; end if; end $$");
			exists.setString(1, DATABASE);
			try (var rs = exists.executeQuery()) {
				if (!rs.next()) {
					try (var create = c.createStatement()) {
						create.execute("create database " + DATABASE + " encoding 'UTF8'");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	/**
	 * A server left running by a process that was killed would hold the cluster; stop it so the
	 * new start can take over. Only a live process named in this cluster's own pid file is touched.
	 */
	private static void stopOrphanedServer(Path cluster) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
		if (process.isPresent()) {
			log.warn("Stopping a PostgreSQL server (pid {}) left running on {}", pid, cluster);
			process.get().destroy();
			process.get().onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
		}
	}

	@Override
	public void close() throws IOException {
		if (!shared) {
			postgres.close();
		}
	}
}
