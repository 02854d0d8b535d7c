package org.milieu.sessions;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.Census;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * A house of its own for each attendance test, built through the real services: three residents
 * admitted (level 1 once the admission's listener ran), a staff member working in it, a clinician
 * with the three on their caseload, and sessions of the house's residents held on a given day.
 */
@Component
public class AttendanceFixtures {

	private final DemoSignIns signIns;

	private final Houses houses;

	private final Admissions admissions;

	private final Accounts accounts;

	private final CareRelationships care;

	private final ResidentLevels levels;

	private final Census census;

	private final Sessions sessions;

	private final SessionTypes types;

	AttendanceFixtures(DemoSignIns signIns, Houses houses, Admissions admissions, Accounts accounts, CareRelationships care,
			ResidentLevels levels, Census census, Sessions sessions, SessionTypes types) {
		this.signIns = signIns;
		this.houses = houses;
		this.admissions = admissions;
		this.accounts = accounts;
		this.care = care;
		this.levels = levels;
		this.census = census;
		this.sessions = sessions;
		this.types = types;
	}

	/** The house, its residents (by family name "Roll A", "Roll B", "Roll C") and the usernames of its staff and clinician. */
	public record House(UUID id, String name, List<UUID> residents, String staff, UUID staffId, String clinician) {
	}

	public ProgramId program() {
		return signIns.user("director").programId();
	}

	public LocalDate today() {
		return census.day(program());
	}

	public House house() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String name = "Roll " + suffix;
		UUID house = houses.found(program(), new HouseDetails(name, HouseKind.MIXED, null), 3).id();
		List<Bed> beds = houses.beds(program(), house);
		List<UUID> residents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		String[] given = { "Ana", "Ben", "Cleo" };
		for (int i = 0; i < residents.size(); i++) {
			admissions.admit(program(), residents.get(i), new NewAdmission(given[i], "Roll " + (char) ('A' + i) + suffix, null,
					LocalDate.of(1990, 1, 1 + i), beds.get(i).id(), today().minusDays(30)));
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> residents.stream().allMatch(r -> levels.currentOf(program(), r).isPresent()));
		String staff = "roll-staff-" + suffix;
		UUID staffId = accounts.open(new NewAccount(program(), staff, "Roll Staff " + suffix, null, Set.of(Role.STAFF), null))
			.id();
		care.assignHouses(staffId, List.of(house));
		String clinician = "roll-clin-" + suffix;
		UUID clinicianId = accounts
			.open(new NewAccount(program(), clinician, "Roll Clinician " + suffix, null, Set.of(Role.CLINICIAN), null)).id();
		residents.forEach(r -> care.addToCaseload(clinicianId, r));
		return new House(house, name, residents, staff, staffId, clinician);
	}

	/** A community-support group of the house's residents on {@code day}, the house's staff member facilitating. */
	public Session groupOn(House house, LocalDate day) {
		return atFirstFreeHour(sessions, signIns.user("director"), at -> new NewSession(type("COMMUNITY_SUPPORT"), "House check-in",
				house.id(), "Lounge", day, at, null, null, AttendeeKind.HOUSE, house.id(), null, null, List.of(house.staffId())),
				10, 6, 13, 20, 22);
	}

	/** A session for some of the house's residents by name on {@code day}. */
	public Session namedOn(House house, LocalDate day, List<UUID> residents) {
		return atFirstFreeHour(sessions, signIns.user("director"), at -> new NewSession(type("COMMUNITY_SUPPORT"), "Named group",
				house.id(), "Study", day, at, null, null, AttendeeKind.RESIDENTS, null, null, residents, List.of(house.staffId())),
				14, 7, 17, 21, 23);
	}

	/**
	 * The session booked at the first of these hours its attendees are free: other tests book whole-program
	 * community meetings at times relative to the clock, which a fixed hour today meets when the suite runs at
	 * the wrong time of day (any other refusal is the test's to see).
	 */
	public static Session atFirstFreeHour(Sessions sessions, MilieuUser by, Function<LocalTime, NewSession> at, int... hours) {
		return atFirstFreeTime(sessions, by, at, java.util.Arrays.stream(hours).mapToObj(h -> LocalTime.of(h, 0))
			.toArray(LocalTime[]::new));
	}

	/** As {@link #atFirstFreeHour}, trying these times of day in turn. */
	public static Session atFirstFreeTime(Sessions sessions, MilieuUser by, Function<LocalTime, NewSession> at,
			LocalTime... times) {
		RuleViolation conflict = null;
		for (LocalTime time : times) {
			try {
				return sessions.schedule(by, at.apply(time));
			}
			catch (RuleViolation refused) {
				if (!refused.code().startsWith("session.conflict.")) {
					throw refused;
				}
				conflict = refused;
			}
		}
		throw conflict;
	}

	public MilieuUser staffOf(House house) {
		return signIns.user(house.staff());
	}

	UUID type(String code) {
		return types.all(program()).stream().filter(t -> code.equals(t.code())).findFirst().orElseThrow().id();
	}
}
