package org.milieu.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.groups.GroupFixtures;
import org.milieu.groups.GroupRules;
import org.milieu.groups.Grouping;
import org.milieu.groups.Groupings;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A small group's weekly session in the feed and the day of a resident who changes group: the series
 * stops on the week of the grouping that moved them out, as the roll call expects them only until
 * then, and their day and schedule show it only on the weeks they are in the group.
 */
@MilieuWebTest
class GroupFeedTests {

	@Autowired
	GroupFixtures groupFixtures;

	@Autowired
	GroupRules groupRules;

	@Autowired
	Groupings groupings;

	@Autowired
	Sessions sessions;

	@Autowired
	SessionTypes types;

	@Autowired
	ExpectedAttendees expected;

	@Autowired
	CalendarFeeds feeds;

	@Autowired
	SessionCalendar calendar;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	MockMvc mvc;

	@Test
	void aResidentMovedToAnotherGroupHasTheFirstGroupsSeriesOnlyUntilTheMove() throws Exception {
		MilieuUser director = signIns.user("director");
		GroupFixtures.TestHouse house = groupFixtures.aHouseWithResidentsAtLevels(1, 1, 2, 2, 3, 3, 4, 4);
		groupRules.set(director, house.id(), 2, 3, 6, 1);
		Grouping first = groupings.approve(director, house.id(), groupings.propose(director, house.id()).id());
		Grouping.Group a = first.groups().get(0);
		UUID moving = a.members().get(0).residentId();
		Grouping next = groupings.propose(director, house.id());
		UUID other = next.groups().stream().map(Grouping.Group::id).filter(id -> !id.equals(a.id())).findFirst().orElseThrow();
		Grouping second = groupings.approve(director, house.id(),
				groupings.move(director, house.id(), next.id(), moving, other).id());
		LocalDate day = first.startsOn().plusDays(1);
		UUID kind = types.all(director.programId()).stream().filter(t -> "PSYCHO_EDUCATION".equals(t.code())).findFirst()
			.orElseThrow().id();
		Session weekly = sessions.schedule(director, new NewSession(kind, "Group A", null, null, day, LocalTime.of(6, 10), 20,
				"FREQ=WEEKLY;COUNT=4", AttendeeKind.GROUP, null, a.id(), null,
				List.of(signIns.user("clinician2").accountId())));
		assertThat(second.startsOn()).isEqualTo(first.startsOn().plusWeeks(1));
		assertThat(expected.residents(director.programId(), weekly.id(), day)).contains(moving);
		assertThat(expected.residents(director.programId(), weekly.id(), day.plusWeeks(1))).doesNotContain(moving);
		List<LocalDate> weeks = List.of(day.minusWeeks(1), day, day.plusWeeks(1), day.plusWeeks(2));
		for (UUID resident : house.residents()) {
			assertThat(expected.daysInGroup(director.programId(), weekly, resident, weeks)).as("the weeks at once, as week by week")
				.containsExactlyInAnyOrderElementsOf(weeks.stream()
					.filter(w -> expected.residents(director.programId(), weekly.id(), w).contains(resident)).toList());
		}
		assertThat(expected.daysInGroup(director.programId(), weekly, moving, weeks)).containsExactly(day);

		String username = "grouped-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(director.programId(), username, "Grouped resident", null, Set.of(Role.RESIDENT), moving));
		String token = feeds.create(signIns.user(username), CalendarFeedKind.RESIDENT, null, Locale.ENGLISH).token();
		String text = mvc.perform(get("/calendar/" + token + ".ics")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<VEvent> events = new CalendarBuilder().build(new StringReader(text)).<VEvent>getComponents("VEVENT");

		assertThat(events).hasSize(1);
		String compact = day.format(DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(value(events.get(0), Property.DTSTART)).startsWith(compact);
		assertThat(value(events.get(0), Property.RRULE)).as("the series stops on the week they left the group")
			.contains("UNTIL=" + compact).doesNotContain("COUNT");

		assertThat(calendar.residentDay(director, moving, day)).extracting(Occurrence::sessionId).contains(weekly.id());
		assertThat(calendar.residentDay(director, moving, day.plusWeeks(1))).extracting(Occurrence::sessionId)
			.doesNotContain(weekly.id());
		mvc.perform(get("/me/schedule").param("date", day.toString()).with(signIns.as(username))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Group A")));
		mvc.perform(get("/me/schedule").param("date", day.plusWeeks(1).toString()).with(signIns.as(username)))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("Group A"))));
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse("");
	}
}
