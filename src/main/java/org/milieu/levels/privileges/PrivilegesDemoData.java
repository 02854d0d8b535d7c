package org.milieu.levels.privileges;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Privileges for the demo: the default catalogue, Sam's phone time restricted for a week, Jas
 * (at level 1) granted an off-site pass for a court hearing, and Marcus's restriction from
 * senior jobs, ended early after he made amends. Runs after the levels are seeded and before the
 * passes; draws nothing from the shared random source.
 */
@Component
@Order(310)
class PrivilegesDemoData implements DemoContributor {

	private final PrivilegeCatalogue catalogue;

	private final JdbcClient jdbc;

	PrivilegesDemoData(PrivilegeCatalogue catalogue, JdbcClient jdbc) {
		this.catalogue = catalogue;
		this.jdbc = jdbc;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		ZoneId zone = community.program().timeZone();
		catalogue.list(program);
		Instant twoDaysAgo = community.today().minusDays(2).atTime(19, 30).atZone(zone).toInstant();
		adjust(community, "restricted-phone", "resident09", DefaultPrivilege.PHONE_TIME, AdjustmentKind.RESTRICT,
				twoDaysAgo, community.today().plusDays(5).atTime(19, 30).atZone(zone).toInstant(),
				"Used phone time to arrange a meeting with a former using contact. Restricted for a week; "
						+ "reviewed with him and his counsellor.",
				"clinician", null, null, null);
		adjust(community, "granted-pass", "resident20", DefaultPrivilege.OFF_SITE_PASS, AdjustmentKind.GRANT,
				community.today().minusDays(1).atTime(8, 0).atZone(zone).toInstant(),
				community.today().plusDays(3).atTime(18, 0).atZone(zone).toInstant(),
				"Custody hearing at the county courthouse on Friday; a staff member goes with her.", "clinician2", null,
				null, null);
		Instant threeWeeksAgo = community.today().minusDays(21).atTime(10, 0).atZone(zone).toInstant();
		adjust(community, "restricted-jobs", "resident03", DefaultPrivilege.SENIOR_JOBS, AdjustmentKind.RESTRICT,
				threeWeeksAgo, threeWeeksAgo.plusSeconds(14 * 86_400),
				"Left the kitchen crew without cover twice in one week.", "clinician", "clinician",
				threeWeeksAgo.plusSeconds(9 * 86_400), "Made amends at the community meeting and set up a cover rota.");
	}

	private void adjust(DemoCommunity community, String key, String resident, DefaultPrivilege privilege,
			AdjustmentKind kind, Instant from, Instant until, String reason, String by, String endedBy, Instant endedAt,
			String endReason) {
		ProgramId program = community.program().id();
		jdbc.sql("""
				insert into levels_privilege_adjustment (id, program_id, resident_id, privilege_id, kind, starts_at, ends_at,
				                                         reason, decided_by, decided_at, ended_by, ended_at, end_reason)
				select ?, ?, ?, p.id, ?, ?, ?, ?, ?, ?, ?, ?, ?
				  from levels_privilege p where p.program_id = ? and p.code = ?""")
			.params(community.id("privilege-adjustment", key), program.value(), community.id("resident", resident),
					kind.name(), utc(from), utc(until), reason, by, utc(from), endedBy, endedAt == null ? null : utc(endedAt),
					endReason, program.value(), privilege.name())
			.update();
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
