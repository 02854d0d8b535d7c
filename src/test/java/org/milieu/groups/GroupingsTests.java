package org.milieu.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.NewDischarge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A house's grouping from proposal to approval and history, its members for other modules, and a discharge. */
@MilieuWebTest
class GroupingsTests {

	@Autowired
	Groupings groupings;

	@Autowired
	GroupRules rules;

	@Autowired
	SmallGroups smallGroups;

	@Autowired
	GroupFixtures fixtures;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Discharges discharges;

	@Autowired
	Census census;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anApprovedGroupingIsHistoryItsMembersServeSessionsAndADischargedResidentLeavesTheirGroup() {
		MilieuUser director = signIns.user("director");
		GroupFixtures.TestHouse house = fixtures.aHouseWithResidentsAtLevels(1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4);
		rules.set(director, house.id(), 2, 4, 8, 1);

		Grouping proposal = groupings.propose(director, house.id());
		assertThat(proposal.status()).isEqualTo(Grouping.Status.PROPOSED);
		assertThat(proposal.groups()).hasSize(2);
		assertThat(proposal.residents()).containsExactlyInAnyOrderElementsOf(house.residents());
		Grouping.Group structured = proposal.groups().get(0);
		assertThat(structured.structured()).isTrue();
		assertThat(structured.members()).filteredOn(m -> m.level() == 1).hasSize(3)
			.allSatisfy(m -> assertThat(m.reasonKey()).isEqualTo("groups.reason.newcomer"));

		Grouping approved = groupings.approve(director, house.id(), proposal.id());
		assertThat(approved.status()).isEqualTo(Grouping.Status.APPROVED);
		assertThat(approved.approvedBy()).isEqualTo(director.displayName());
		assertThat(approved.approvedAt()).isNotNull();
		assertThatThrownBy(() -> jdbc.sql("update groups_member set reason_key = 'x' where grouping_id = ?").param(approved.id()).update())
			.hasMessageContaining("never change");

		LocalDate today = census.day(director.programId());
		UUID leaving = structured.members().get(0).residentId();
		assertThat(smallGroups.members(director.programId(), structured.id(), today)).contains(leaving)
			.hasSize(structured.members().size());
		assertThat(smallGroups.group(director.programId(), structured.id()))
			.hasValue(new GroupSummary(structured.id(), house.id(), "A", true));

		Grouping next = groupings.propose(director, house.id());
		assertThat(next.startsOn()).isEqualTo(approved.startsOn().plusWeeks(1));
		assertThat(next.moves()).isZero();

		discharges.discharge(director.programId(), leaving, new NewDischarge(today, DischargeType.COMPLETED, "Completed the program",
				NewDischarge.Aftercare.NONE), "director");
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> !smallGroups.members(director.programId(), structured.id(), today).contains(leaving));
		assertThat(smallGroups.members(director.programId(), structured.id(), today)).hasSize(structured.members().size() - 1);
		UUID staying = structured.members().get(1).residentId();
		List<LocalDate> days = approved.startsOn().minusDays(2).datesUntil(today.plusDays(10)).toList();
		for (UUID resident : List.of(leaving, staying)) {
			assertThat(smallGroups.daysAmong(director.programId(), structured.id(), resident, days))
				.as("the days at once, as day by day")
				.containsExactlyInAnyOrderElementsOf(days.stream()
					.filter(d -> smallGroups.members(director.programId(), structured.id(), d).contains(resident)).toList());
		}
		assertThat(smallGroups.daysAmong(director.programId(), structured.id(), staying, days)).contains(today.plusDays(9));
		assertThat(smallGroups.daysAmong(director.programId(), structured.id(), leaving, days)).allMatch(d -> d.isBefore(today));
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> !groupings.find(director, house.id(), next.id()).residents().contains(leaving));
		assertThat(groupings.history(director, house.id())).singleElement()
			.satisfies(h -> assertThat(h.residents()).contains(leaving));
	}

	@Test
	void settingsOutOfRangeAreRefusedNamingTheFieldAndChangeNothing() {
		MilieuUser director = signIns.user("director");
		GroupFixtures.TestHouse house = fixtures.aHouseWithResidentsAtLevels(2, 3);
		assertThatThrownBy(() -> rules.set(director, house.id(), null, 11, 10, 1))
			.isInstanceOfSatisfying(org.milieu.shared.RuleViolation.class, v -> assertThat(v.field()).isEqualTo("minSize"));
		assertThatThrownBy(() -> rules.set(director, house.id(), 2, 6, 10, 3))
			.isInstanceOfSatisfying(org.milieu.shared.RuleViolation.class, v -> assertThat(v.field()).isEqualTo("structuredGroups"));
		assertThat(rules.settings(director, house.id())).isEqualTo(GroupSettings.DEFAULT);
	}

	@Test
	void theNumberOfGroupsFollowsTheSizesUnlessStaffSetIt() {
		assertThat(GroupSettings.DEFAULT.groupsFor(30)).isEqualTo(3);
		assertThat(GroupSettings.DEFAULT.groupsFor(12)).isEqualTo(2);
		assertThat(GroupSettings.DEFAULT.groupsFor(11)).isEqualTo(2);
		assertThat(GroupSettings.DEFAULT.groupsFor(8)).isEqualTo(1);
		assertThat(GroupSettings.DEFAULT.groupsFor(0)).isEqualTo(1);
		assertThat(new GroupSettings(4, 6, 10, 1, 1).groupsFor(12)).isEqualTo(4);
		assertThat(new GroupSettings(2, 6, 10, 1, 1).groupsFor(45)).as("raised to hold everyone").isEqualTo(5);
		assertThat(List.of(GroupRowsLabels.label(1), GroupRowsLabels.label(26), GroupRowsLabels.label(27)))
			.containsExactly("A", "Z", "G27");
	}

	/** The labels of a house's groups, as the rows give them. */
	static final class GroupRowsLabels {

		static String label(int position) {
			return GroupingRows.label(position);
		}
	}
}
