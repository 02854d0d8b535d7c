package org.milieu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.platform.database.EmbeddedDatabase;
import org.milieu.shared.DataCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail on a database of its own, written by the application's role and tampered with
 * by a superuser, as an attacker with database access would.
 */
class AuditChainTests {

	private static final Actor STAFF = new Actor(UUID.randomUUID(), UUID.randomUUID(), "staff", "STAFF");

	private JdbcClient superuser;

	private DriverManagerDataSource app;

	private AuditChain chain;

	/** The database every migration has run on, made once; each test starts on a copy of it. */
	private static final String MIGRATED = "milieu_audit_chain_migrated";

	private static boolean migrated;

	@BeforeEach
	void freshDatabase() throws SQLException {
		EmbeddedDatabase server = EmbeddedDatabase.ephemeral();
		String url = copyOfMigrated(server, "milieu_audit_chain");
		superuser = JdbcClient.create(new DriverManagerDataSource(url, server.username(), ""));
		app = new DriverManagerDataSource(url, server.applicationRole(), "");
		chain = new AuditChain(JdbcClient.create(app));
	}

	@AfterEach
	void releaseConnections() {
		superuser = null;
	}

	/**
	 * A fresh database {@code name} holding what running every migration leaves: copied from a
	 * database migrated once for the class (PostgreSQL copies a template database file by file, in a
	 * fraction of the time the migrations take).
	 */
	private static synchronized String copyOfMigrated(EmbeddedDatabase server, String name) throws SQLException {
		if (!migrated) {
			Flyway.configure().dataSource(server.freshDatabase(MIGRATED), server.username(), "")
				.placeholders(Map.of("appRole", server.applicationRole()))
				.locations("classpath:db/migration").load().migrate();
			migrated = true;
		}
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + server.port() + "/postgres",
				server.username(), ""); Statement s = c.createStatement()) {
			s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + MIGRATED + "'");
			s.execute("drop database if exists " + name + " with (force)");
			s.execute("create database " + name + " template " + MIGRATED);
		}
		return "jdbc:postgresql://localhost:" + server.port() + "/" + name;
	}

	@Test
	void rowsWrittenBeforeTheyHeldArraysKeepTheirHashesAndTheirContent() {
		EmbeddedDatabase server = EmbeddedDatabase.ephemeral();
		String url = server.freshDatabase("milieu_audit_chain_carried");
		Flyway.configure().dataSource(url, server.username(), "")
			.placeholders(Map.of("appRole", server.applicationRole()))
			.locations("classpath:db/migration").target("202612063020").load().migrate();
		JdbcClient before = JdbcClient.create(new DriverManagerDataSource(url, server.applicationRole(), ""));
		UUID resident = UUID.randomUUID();
		before.sql("""
				insert into audit_event (program_id, username, resident_id, category, resource_type, resource_id, action,
				                         purpose, outcome, id, occurred_at, prev_hash, hash)
				values (?, 'staff', ?, 'DRUG_SCREENS', 'DrugScreen', 'ds-1', 'READ', 'NORMAL', 'SUCCESS', 0, now(), '', ''),
				       (?, 'staff', null, null, 'Census', null, 'READ', 'NORMAL', 'SUCCESS', 0, now(), '', ''),
				       (?, 'staff', null, null, null, null, 'SIGN_IN', 'NORMAL', 'SUCCESS', 0, now(), '', '')""")
			.params(STAFF.programId(), resident, STAFF.programId(), STAFF.programId()).update();
		Flyway.configure().dataSource(url, server.username(), "")
			.placeholders(Map.of("appRole", server.applicationRole()))
			.locations("classpath:db/migration").load().migrate();
		JdbcClient after = JdbcClient.create(new DriverManagerDataSource(url, server.applicationRole(), ""));
		assertThat(new AuditChain(after).verify()).isEqualTo(new ChainVerification(true, 3, null));
		assertThat(after.sql("""
				select concat_ws('|', coalesce(array_to_string(categories, ',', '-'), 'none'),
				       coalesce(array_to_string(resource_types, ',', '-'), 'none'),
				       coalesce(array_to_string(resource_ids, ',', '-'), 'none'))
				  from audit_record order by id""").query(String.class).list())
			.containsExactly("DRUG_SCREENS|DrugScreen|ds-1", "none|Census|-", "none|none|none");
	}

	@Test
	void whatOneTransactionRecordsBecomesOneRowPerResidentNamingEveryCategoryAndRecord() {
		UUID anna = UUID.randomUUID();
		UUID ben = UUID.randomUUID();
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		tx.executeWithoutResult(status -> {
			trail.record(AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).about(anna, DataCategory.DEMOGRAPHICS)
				.on("Resident", anna));
			trail.recordAll(List.of(
					AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).about(ben, DataCategory.DEMOGRAPHICS)
						.on("Resident", ben),
					AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).about(anna, DataCategory.LEVELS_AND_RATINGS)
						.on("LevelEvidence", anna).saying("30 days"),
					AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).about(anna, DataCategory.DEMOGRAPHICS)
						.on("Resident", anna),
					AuditEntry.of(STAFF, AuditAction.UPDATE, AuditOutcome.SUCCESS).about(anna, DataCategory.DEMOGRAPHICS)
						.on("Resident", anna)));
		});
		connection.destroy();
		assertThat(superuser.sql("""
				select concat_ws('|', resident_id, action, array_to_string(categories, ','),
				       array_to_string(resource_types, ','), array_to_string(resource_ids, ','), coalesce(detail, '-'))
				  from audit_record order by id""").query(String.class).list())
			.containsExactly(anna + "|READ|DEMOGRAPHICS,LEVELS_AND_RATINGS|Resident,LevelEvidence|" + anna + "," + anna + "|30 days",
					ben + "|READ|DEMOGRAPHICS|Resident|" + ben + "|-",
					anna + "|UPDATE|DEMOGRAPHICS|Resident|" + anna + "|-");
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 3, null));
	}

	@Test
	void rowsGoToTheirMonthsPartitionWhichIsReachedOnlyThroughTheTrailAndRefusesChange() {
		write(3);
		java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
		String partition = String.format("audit_event_y%04dm%02d", month.getYear(), month.getMonthValue());
		assertThat(superuser.sql("select distinct tableoid::regclass::text from audit_event").query(String.class).list())
			.containsExactly(partition);
		String ahead = String.format("audit_event_y%04dm%02d", month.plusMonths(3).getYear(), month.plusMonths(3).getMonthValue());
		assertThat(superuser.sql("select to_regclass(?)::text").param(ahead).query(String.class).single())
			.as("three months prepared ahead").isEqualTo(ahead);
		assertThatThrownBy(() -> superuser.sql("truncate " + partition).update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> superuser.sql("delete from " + partition).update()).rootCause().hasMessageContaining("append-only");
		JdbcClient asApp = JdbcClient.create(app);
		assertThatThrownBy(() -> asApp.sql("select count(*) from " + partition).query(Integer.class).single())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asApp.sql("select count(*) from audit_event_default").query(Integer.class).single())
			.rootCause().hasMessageContaining("permission denied");
		assertThat(asApp.sql("select audit_event_prepare_months(now(), 3)").query(Integer.class).single())
			.as("the months are there already").isZero();
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 3, null));
	}

	@Test
	void everyActionOutcomePurposeAndCategoryHasItsCompactCode() {
		assertThat(superuser.sql("select unnest(audit_actions())").query(String.class).list())
			.containsExactlyElementsOf(java.util.Arrays.stream(AuditAction.values()).map(Enum::name).toList());
		assertThat(superuser.sql("select unnest(audit_outcomes())").query(String.class).list())
			.containsExactlyElementsOf(java.util.Arrays.stream(AuditOutcome.values()).map(Enum::name).toList());
		assertThat(superuser.sql("select unnest(audit_purposes())").query(String.class).list())
			.containsExactlyElementsOf(java.util.Arrays.stream(Purpose.values()).map(Enum::name).toList());
		assertThat(superuser.sql("select unnest(audit_categories())").query(String.class).list())
			.containsExactlyElementsOf(java.util.Arrays.stream(DataCategory.values()).map(Enum::name).toList());
	}

	@Test
	void aRowKeepsWhoActedAsASharedActorItsCodesAsNumbersAndTheResidentsOwnRecordsAsTypesOnly() {
		UUID anna = UUID.randomUUID();
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		tx.executeWithoutResult(status -> trail.recordAll(List.of(
				AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).about(anna, DataCategory.LEVELS_AND_RATINGS)
					.on("LevelEvidence", anna),
				AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).about(anna, DataCategory.DEMOGRAPHICS)
					.on("Pass", "pass-7"))));
		tx.executeWithoutResult(status -> trail.record(AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS)
			.about(anna, DataCategory.DEMOGRAPHICS).on("Resident", anna)));
		connection.destroy();
		assertThat(superuser.sql("""
				select concat_ws('|', count(distinct actor), count(*) filter (where username is null and program_id is null
				                 and action is null and categories is null and resource_ids is null and hash is null
				                 and prev_hash is null and octet_length(digest) = 32))
				  from audit_event""").query(String.class).single()).isEqualTo("1|2");
		assertThat(superuser.sql("""
				select concat_ws('|', username, action, array_to_string(categories, ','), array_to_string(resource_types, ','),
				                 array_to_string(resource_ids, ','))
				  from audit_record order by id""").query(String.class).list())
			.containsExactly("staff|READ|DEMOGRAPHICS,LEVELS_AND_RATINGS|LevelEvidence,Pass|" + anna + ",pass-7",
					"staff|READ|DEMOGRAPHICS|Resident|" + anna);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 2, null));
	}

	@Test
	void theChainFindsItsTailInAnEarlierMonthAfterAnIdleMonth() {
		write(2);
		// as if the trail had been idle since an earlier month: its newest row moved two months back
		java.time.YearMonth back = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(2);
		superuser.sql("select audit_event_prepare_months(?::timestamptz, 0)").param(back.atDay(1) + "T00:00:00Z")
			.query(Integer.class).single();
		superuser.sql("alter table audit_event disable trigger user").update();
		superuser.sql("update audit_event set occurred_at = occurred_at - interval '2 months'").update();
		for (long id : superuser.sql("select id from audit_record order by id").query(Long.class).list()) {
			superuser.sql("""
					update audit_event e set digest = decode(audit_record_digest(coalesce((select p.hash from audit_record p
					                                         where p.lane = r.lane and p.id < r.id order by p.id desc limit 1), ''), r), 'hex')
					  from audit_record r where r.id = e.id and e.id = ?""").param(id).update();
		}
		superuser.sql("alter table audit_event enable trigger user").update();
		superuser.sql("""
				update audit_chain_head h set last_hash = (select r.hash from audit_record r where r.lane = h.lane order by r.id desc limit 1)
				 where h.last_id > 0""").update();
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 2, null));
		write(1);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 3, null));
	}

	@Test
	void aCheckpointLetsTheCheckWalkOnlyTheRowsSinceAndStillCatchesTheirTampering() {
		AuditCheckpoints checkpoints = checkpoints("the key");
		assertThat(checkpoints.verifyFromLatest()).isEqualTo(new CheckpointVerification(null, true, 0, null));
		write(20);
		AuditCheckpoint taken = checkpoints.take().orElseThrow();
		assertThat(taken.lastId()).isEqualTo(20);
		assertThat(taken.rowCount()).isEqualTo(20);
		write(5);
		assertThat(checkpoints.verifyFromLatest()).isEqualTo(new CheckpointVerification(taken, true, 5, null));
		asSuperuserWithoutGuards("update audit_event set username = 'someone-else' where id = 23");
		assertThat(checkpoints.verifyFromLatest()).isEqualTo(new CheckpointVerification(taken, false, 5, 23L));
		assertThat(checkpoints.take()).as("no checkpoint over a broken chain").isEmpty();
	}

	@Test
	void aRowBeforeTheCheckpointIsLeftToTheFullCheckButTheCheckpointsOwnRowIsChecked() {
		AuditCheckpoints checkpoints = checkpoints("the key");
		write(40);
		AuditCheckpoint taken = checkpoints.take().orElseThrow();
		// a row with a later row in its lane lies before the checkpoint; each lane's last row is the checkpoint's own
		long before = superuser.sql("""
				select min(r.id) from audit_record r
				 where exists (select from audit_record n where n.lane = r.lane and n.id > r.id)""").query(Long.class).single();
		asSuperuserWithoutGuards("update audit_event set username = 'someone-else' where id = " + before);
		assertThat(checkpoints.verifyFromLatest().intact()).as("from the checkpoint").isTrue();
		assertThat(chain.verify()).as("the full check").isEqualTo(new ChainVerification(false, 40, before));
		long own = superuser.sql("select max(id) from audit_record where lane = (select lane from audit_record where id = ?)")
			.param(before).query(Long.class).single();
		asSuperuserWithoutGuards("update audit_event set username = 'someone-else' where id = " + own);
		assertThat(checkpoints.verifyFromLatest()).isEqualTo(new CheckpointVerification(taken, false, 0, own));
	}

	@Test
	void aCheckpointWrittenWithoutTheKeyIsRefused() {
		write(10);
		checkpoints("the key").take().orElseThrow();
		write(2);
		// someone with database access but not the key records a checkpoint further on
		superuser.sql("""
				insert into audit_checkpoint (taken_at, last_id, last_hash, row_count, signature)
				select now(), sum(last_id), 'x', sum(row_count), 'forged' from audit_chain_head""").update();
		CheckpointVerification verified = checkpoints("the key").verifyFromLatest();
		assertThat(verified.intact()).isFalse();
		assertThat(checkpoints("another key").take()).as("signed with another key").isEmpty();
		assertThatThrownBy(() -> superuser.sql("delete from audit_checkpoint").update()).rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void aTailCutAfterTheCheckpointIsNamed() {
		AuditCheckpoints checkpoints = checkpoints("the key");
		write(6);
		AuditCheckpoint taken = checkpoints.take().orElseThrow();
		write(4);
		// each lane cut names the last row its head remembers; the lowest of them is named
		long named = superuser.sql("select min(m) from (select max(id) as m from audit_record where id > 8 group by lane) cut")
			.query(Long.class).single();
		asSuperuserWithoutGuards("delete from audit_event where id > 8");
		assertThat(checkpoints.verifyFromLatest()).isEqualTo(new CheckpointVerification(taken, false, 2, named));
	}

	private AuditCheckpoints checkpoints(String key) {
		return new AuditCheckpoints(JdbcClient.create(app), chain, key, java.nio.file.Path.of("unused"));
	}

	@Test
	void anUntouchedTrailVerifies() {
		write(20);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 20, null));
	}

	@Test
	void anEmptyTrailVerifies() {
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 0, null));
	}

	@Test
	void anEditedRowIsNamed() {
		write(10);
		asSuperuserWithoutGuards("update audit_event set username = 'someone-else' where id = 4");
		assertThat(chain.verify()).isEqualTo(new ChainVerification(false, 10, 4L));
	}

	@Test
	void aDeletedRowIsNamedByTheNextRowOfItsLaneOrByItsLanesHead() {
		write(40);
		long deleted = superuser.sql("""
				select min(r.id) from audit_record r
				 where exists (select from audit_record n where n.lane = r.lane and n.id > r.id)""").query(Long.class).single();
		long next = superuser.sql("""
				select min(n.id) from audit_record n
				 where n.lane = (select lane from audit_record where id = ?) and n.id > ?""").params(deleted, deleted)
			.query(Long.class).single();
		asSuperuserWithoutGuards("delete from audit_event where id = " + deleted);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(false, 39, next));
		// the newest row is its lane's last: the lane's head names it once it is gone
		asSuperuserWithoutGuards("delete from audit_event where id = 40");
		assertThat(chain.verify().firstBrokenId()).isEqualTo(Math.min(next, 40));
		assertThat(superuser.sql("select count(distinct lane) from audit_record").query(Integer.class).single())
			.as("successive transactions spread over the lanes").isGreaterThan(1);
	}

	@Test
	void reorderedRowsAreNamed() {
		write(10);
		asSuperuserWithoutGuards("update audit_event set id = -3 where id = 3");
		asSuperuserWithoutGuards("update audit_event set id = 3 where id = 5");
		asSuperuserWithoutGuards("update audit_event set id = 5 where id = -3");
		ChainVerification result = chain.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenId()).isEqualTo(3L);
	}

	@Test
	void aCutTailIsSeenThroughTheChainHead() {
		write(10);
		// each lane cut names the last row its head remembers; the lowest of them is named
		long named = superuser.sql("select min(m) from (select max(id) as m from audit_record where id > 7 group by lane) cut")
			.query(Long.class).single();
		asSuperuserWithoutGuards("delete from audit_event where id > 7");
		assertThat(chain.verify()).isEqualTo(new ChainVerification(false, 7, named));
	}

	@Test
	void successiveTransactionsOnOneConnectionUseEveryLane() {
		write(200);
		assertThat(superuser.sql("select count(distinct lane) from audit_record").query(Integer.class).single()).isEqualTo(16);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 200, null));
	}

	@Test
	void aForgedRowWithoutTheChainIsNamed() {
		write(5);
		// only the owner can insert other than through audit_append, and such a row is in no chain
		superuser.sql("""
				insert into audit_event (id, occurred_at, lane, action, purpose, outcome, prev_hash, hash)
				values (99, now(), 3, 'READ', 'NORMAL', 'SUCCESS', 'made-up', 'made-up')""").update();
		assertThat(chain.verify().firstBrokenId()).isEqualTo(99L);
	}

	@Test
	void aRowMovedToAnotherLaneIsNamedAndSoIsARowInNoLane() {
		write(4);
		asSuperuserWithoutGuards("update audit_event set lane = (lane + 1) % 16 where id = 2");
		// which row fails depends on the two lanes' other rows: the moved one, the next of the lane it
		// left (its link, or that lane's head) or the next of the lane it joined
		ChainVerification moved = chain.verify();
		assertThat(moved.intact()).isFalse();
		assertThat(moved.firstBrokenId()).isBetween(2L, 5L);
		asSuperuserWithoutGuards("update audit_event set lane = 99 where id = 2");
		assertThat(chain.verify()).isEqualTo(new ChainVerification(false, 4, 2L));
	}

	@Test
	void anAuditedTransactionDoesNotWaitForAnotherToCommitAndBothChain() throws Exception {
		// one transaction writes its audit row and stays open, as a request does until its commit
		try (var open = app.getConnection()) {
			open.setAutoCommit(false);
			try (var append = open.prepareStatement("""
					select audit_append(array[null], array[null], array['staff'], array[null], array[null], array[null],
					                    array[null], array[null], array['READ'], array['NORMAL'], array[null], array[null],
					                    array['SUCCESS'], array[null])""")) {
				append.executeQuery();
			}
			ExecutorService other = Executors.newSingleThreadExecutor();
			try {
				// before lanes, this waited for the open transaction's commit
				other.submit(() -> write(3)).get(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			finally {
				other.shutdownNow();
			}
			open.commit();
		}
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 4, null));
		assertThat(superuser.sql("select count(distinct lane) from audit_record").query(Integer.class).single())
			.as("the open transaction's lane and others").isGreaterThanOrEqualTo(2);
		assertThat(superuser.sql("select sum(row_count) from audit_chain_head").query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void theApplicationsRoleCanOnlyAppendAndRead() {
		write(3);
		JdbcClient asApp = JdbcClient.create(app);
		assertThatThrownBy(() -> asApp.sql("update audit_event set detail = 'x' where id = 1").update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asApp.sql("delete from audit_event where id = 1").update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asApp.sql("truncate audit_event").update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> asApp.sql("update audit_chain_head set row_count = 0").update()).rootCause().hasMessageContaining("permission denied");
		// a row the chain did not write would be forged: the role appends through audit_append alone
		assertThatThrownBy(() -> asApp.sql("""
				insert into audit_event (id, occurred_at, lane, action, purpose, outcome, digest)
				values (99, now(), 0, 'READ', 'NORMAL', 'SUCCESS', '\\x00')""").update())
			.rootCause().hasMessageContaining("permission denied");
		assertThat(asApp.sql("select count(*) from audit_record").query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void evenTheOwnerIsRefusedByTheTriggersWhileTheyStand() {
		write(2);
		assertThatThrownBy(() -> superuser.sql("update audit_event set detail = 'x' where id = 1").update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> superuser.sql("delete from audit_event").update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> superuser.sql("truncate audit_event").update()).rootCause().hasMessageContaining("append-only");
	}

	@Test
	void sixteenConcurrentWritersLeaveEveryLaneOfTheChainUnbroken() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Void>> writers = new ArrayList<>();
			for (int w = 0; w < 16; w++) {
				writers.add(() -> {
					write(25);
					return null;
				});
			}
			for (Future<Void> f : pool.invokeAll(writers)) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 400, null));
		assertThat(superuser.sql("select count(distinct hash) from audit_record").query(Integer.class).single())
			.as("no two rows claim the same predecessor").isEqualTo(400);
	}

	@Test
	void aRolledBackChangeTakesItsAuditRowWithIt() {
		write(2);
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		tx.executeWithoutResult(status -> {
			trail.record(AuditEntry.of(STAFF, AuditAction.UPDATE, AuditOutcome.SUCCESS));
			status.setRollbackOnly();
		});
		connection.destroy();
		write(1);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 3, null));
	}

	@Test
	void readsAloneAreWrittenRightAfterTheirTransactionCommitsAndNotAtAllWhenItRollsBack() {
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		try {
			tx.executeWithoutResult(status -> trail.record(
					AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).on("Census", null)));
			assertThat(count()).as("written before the transaction's caller goes on").isEqualTo(1);
			tx.executeWithoutResult(status -> {
				trail.record(AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).on("Census", null));
				status.setRollbackOnly();
			});
			assertThat(count()).isEqualTo(1);
		}
		finally {
			trail.stop();
			connection.destroy();
		}
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 1, null));
	}

	@Test
	void aTransactionThatChangesSomethingWritesItsReadsInItselfTooSoTheyCommitOrRollBackTogether() {
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		try {
			tx.executeWithoutResult(status -> {
				trail.record(AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).on("Census", null));
				trail.record(AuditEntry.of(STAFF, AuditAction.UPDATE, AuditOutcome.SUCCESS).on("Bed", "b-1"));
				status.setRollbackOnly();
			});
			assertThat(count()).isZero();
			tx.executeWithoutResult(status -> {
				trail.record(AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).on("Census", null));
				trail.record(AuditEntry.of(STAFF, AuditAction.UPDATE, AuditOutcome.SUCCESS).on("Bed", "b-1"));
			});
		}
		finally {
			trail.stop();
			connection.destroy();
		}
		assertThat(count()).isEqualTo(2);
		assertThat(superuser.sql("select count(distinct xmin::text) from audit_event").query(Integer.class).single())
			.as("one transaction").isEqualTo(1);
	}

	@Test
	void readsOfConcurrentTransactionsAreWrittenTogetherAndChainUnbroken() throws Exception {
		SingleConnectionDataSource writerConnection = connection();
		AuditTrail trail = trailOn(writerConnection);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Void>> readers = new ArrayList<>();
			for (int r = 0; r < 8; r++) {
				readers.add(() -> {
					SingleConnectionDataSource own = connection();
					try {
						TransactionTemplate tx = transactionsOn(own);
						for (int i = 0; i < 10; i++) {
							int n = i;
							tx.executeWithoutResult(status -> trail.record(
									AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS).on("Resident", n)));
						}
					}
					finally {
						own.destroy();
					}
					return null;
				});
			}
			for (Future<Void> f : pool.invokeAll(readers)) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
			trail.stop();
			writerConnection.destroy();
		}
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 80, null));
		assertThat(superuser.sql("select count(distinct xmin::text) from audit_event").query(Integer.class).single())
			.as("fewer transactions than reads").isLessThan(80);
	}

	private int count() {
		return superuser.sql("select count(*) from audit_event").query(Integer.class).single();
	}

	@Test
	void aBatchOfRowsJoinsTheChainLikeRowsWrittenOneByOne() {
		write(2);
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		tx.executeWithoutResult(status -> trail.recordAll(java.util.stream.IntStream.range(0, 50)
			.mapToObj(i -> AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS)
				.about(UUID.randomUUID(), DataCategory.DEMOGRAPHICS).on("Resident", i))
			.toList()));
		connection.destroy();
		write(1);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 53, null));
	}

	@Test
	void rowsRolledBackToASavepointLeaveTheChainToTheRowsBeforeThem() {
		write(2);
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		tx.executeWithoutResult(status -> {
			trail.recordAll(readings(30));
			Object savepoint = status.createSavepoint();
			trail.recordAll(readings(20));
			trail.record(AuditEntry.of(STAFF, AuditAction.UPDATE, AuditOutcome.SUCCESS));
			status.rollbackToSavepoint(savepoint);
			trail.recordAll(readings(10));
			trail.record(AuditEntry.of(STAFF, AuditAction.UPDATE, AuditOutcome.SUCCESS));
		});
		connection.destroy();
		write(1);
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 44, null));
	}

	@Test
	void aBatchKeepsItsOrderInTheChain() {
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		List<AuditEntry> batch = readings(300);
		tx.executeWithoutResult(status -> trail.recordAll(batch));
		connection.destroy();
		assertThat(superuser.sql("select resource_ids[1] from audit_record order by id").query(String.class).list())
			.containsExactlyElementsOf(batch.stream().map(AuditEntry::resourceId).toList());
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 300, null));
	}

	@Test
	void aBatchCarriesEveryColumnAsGiven() {
		UUID resident = UUID.randomUUID();
		AuditEntry full = AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS)
			.about(resident, DataCategory.DRUG_SCREENS).on("CensusFlag", resident).because(Purpose.EMERGENCY)
			.saying("a 'quoted', \"escaped\" {braced} detail, with commas");
		AuditEntry bare = AuditEntry.of(STAFF, AuditAction.QUERY, AuditOutcome.DENIED);
		SingleConnectionDataSource connection = connection();
		TransactionTemplate tx = transactionsOn(connection);
		AuditTrail trail = trailOn(connection);
		tx.executeWithoutResult(status -> trail.recordAll(List.of(full, bare)));
		connection.destroy();
		List<String> rows = superuser.sql("""
				select concat_ws('|', program_id, account_id, username, role, coalesce(resident_id::text, '-'),
				       coalesce(array_to_string(categories, ','), '-'), coalesce(array_to_string(resource_types, ','), '-'),
				       coalesce(array_to_string(resource_ids, ','), '-'), action, purpose,
				       outcome, coalesce(detail, '-'))
				  from audit_record order by id""").query(String.class).list();
		String who = STAFF.programId() + "|" + STAFF.accountId() + "|staff|STAFF|";
		assertThat(rows).containsExactly(
				who + resident + "|DRUG_SCREENS|CensusFlag|" + resident + "|READ|EMERGENCY|SUCCESS|" + full.detail(),
				who + "-|-|-|-|QUERY|NORMAL|DENIED|-");
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 2, null));
	}

	@Test
	void sixteenConcurrentBatchWritersLeaveEveryLaneOfTheChainUnbroken() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Void>> writers = new ArrayList<>();
			for (int w = 0; w < 16; w++) {
				writers.add(() -> {
					SingleConnectionDataSource connection = connection();
					try {
						TransactionTemplate tx = transactionsOn(connection);
						AuditTrail trail = trailOn(connection);
						for (int b = 0; b < 3; b++) {
							tx.executeWithoutResult(status -> trail.recordAll(readings(40)));
						}
					}
					finally {
						connection.destroy();
					}
					return null;
				});
			}
			for (Future<Void> f : pool.invokeAll(writers)) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(chain.verify()).isEqualTo(new ChainVerification(true, 1920, null));
		assertThat(superuser.sql("select count(distinct hash) from audit_record").query(Integer.class).single())
			.as("no two rows claim the same predecessor").isEqualTo(1920);
	}

	private static List<AuditEntry> readings(int count) {
		return java.util.stream.IntStream.range(0, count)
			.mapToObj(i -> AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS)
				.about(UUID.randomUUID(), DataCategory.DEMOGRAPHICS).on("Resident", UUID.randomUUID()))
			.toList();
	}

	private void write(int count) {
		SingleConnectionDataSource connection = connection();
		try {
			AuditTrail trail = trailOn(connection);
			for (int i = 0; i < count; i++) {
				trail.record(AuditEntry.of(STAFF, AuditAction.READ, AuditOutcome.SUCCESS)
					.about(UUID.randomUUID(), DataCategory.DEMOGRAPHICS).on("Resident", i));
			}
		}
		finally {
			connection.destroy();
		}
	}

	/** One connection of the application's role, kept open until destroyed. */
	private SingleConnectionDataSource connection() {
		return new SingleConnectionDataSource(app.getUrl(), app.getUsername(), "", true);
	}

	private static TransactionTemplate transactionsOn(SingleConnectionDataSource connection) {
		// the application's transaction manager: the records of reads alone are written after the commit
		return new TransactionTemplate(new org.milieu.platform.Transactions(new DataSourceTransactionManager(connection), connection));
	}

	/** The trail as the application writes it, on one connection. */
	private static AuditTrail trailOn(SingleConnectionDataSource connection) {
		return new AuditTrail(new org.springframework.jdbc.core.JdbcTemplate(connection),
				new org.milieu.platform.Transactions(new DataSourceTransactionManager(connection), connection), new org.springframework.core.env.StandardEnvironment(),
				java.time.Duration.ofMillis(5));
	}

	private void asSuperuserWithoutGuards(String sql) {
		superuser.sql("alter table audit_event disable trigger audit_event_no_update").update();
		superuser.sql(sql).update();
		superuser.sql("alter table audit_event enable trigger audit_event_no_update").update();
	}
}
