package org.milieu.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.milieu.shared.ProgramId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo community's two houses (16 beds each), both full: 32 residents admitted over the last
 * six months, each with a sign-in {@code residentNN}; {@code resident} is a second sign-in of
 * resident01. Before them, two former residents lived in the first bed of each house and were
 * discharged with complete aftercare plans: one completed the program, one left against advice.
 * Every name is invented.
 */
@Component
@Order(200)
class ResidentsDemoData implements DemoContributor {

	/** given, family, preferred (or null), house (0 men's, 1 women's), days since admission */
	private record Person(String given, String family, String preferred, int house, int daysAgo) {
	}

	private static final List<Person> PEOPLE = List.of(
			new Person("Daniel", "Okafor", "Danny", 0, 152), new Person("Alicia", "Moreno", null, 1, 138),
			new Person("Marcus", "Bell", null, 0, 121), new Person("Brianna", "Foster", "Bri", 1, 109),
			new Person("Jorge", "Villanueva", null, 0, 96), new Person("Chloe", "Hartman", null, 1, 88),
			new Person("Kevin", "Tran", null, 0, 79), new Person("Denise", "Carter", null, 1, 71),
			new Person("Samuel", "Whitaker", "Sam", 0, 64), new Person("Erin", "Walsh", null, 1, 57),
			new Person("Andre", "Mitchell", null, 0, 50), new Person("Fatima", "Rahman", null, 1, 44),
			new Person("Brian", "Kowalski", null, 0, 38), new Person("Grace", "Lindqvist", null, 1, 33),
			new Person("Ethan", "Delgado", null, 0, 27), new Person("Hannah", "Pruitt", null, 1, 22),
			new Person("Caleb", "Norwood", null, 0, 17), new Person("Imani", "Brooks", null, 1, 13),
			new Person("Isaiah", "Grant", null, 0, 10), new Person("Jasmine", "Ortega", "Jas", 1, 8),
			new Person("Patrick", "Donnelly", null, 0, 6), new Person("Kayla", "Sorensen", null, 1, 4),
			new Person("Victor", "Salazar", null, 0, 2), new Person("Tyler", "Haskins", null, 0, 1),
			new Person("Hector", "Castellanos", null, 0, 141), new Person("Priya", "Nair", null, 1, 129),
			new Person("Tamara", "Greene", null, 1, 99), new Person("Reggie", "Ambrose", null, 0, 68),
			new Person("Rosa", "Iglesias", null, 1, 61), new Person("Leah", "Whitcomb", null, 1, 29),
			new Person("Nathan", "Cole", "Nate", 0, 19), new Person("Monique", "Dubois", null, 1, 3));

	/** A former resident: who, which house, admitted how many days ago, and how the stay ended. */
	private record Former(String key, String given, String family, int house, int yearsOld, int admittedDaysAgo,
			NewDischarge discharge) {
	}

	private static List<Former> former(LocalDate today) {
		return List.of(
				new Former("former01", "Terrence", "Hale", 0, 41, 340, new NewDischarge(today.minusDays(160),
						DischargeType.COMPLETED, "Completed all four levels and the re-entry phase.",
						new NewDischarge.Aftercare("Sober living: Harbor Street recovery residence, room with a peer mentor.",
								"Outpatient counselling every Tuesday at 17:00, Eastside Clinic; medication review monthly.",
								"Two mutual-help meetings a week; alumni group on Thursday evenings.",
								"Sponsor: Ray M.; alumni coordinator at the program's main number.",
								"Warning signs: skipping meetings, isolating, old contacts. Plan: call sponsor the same day, go to a meeting, tell the counsellor."))),
				new Former("former02", "Yvette", "Marsh", 1, 29, 230, new NewDischarge(today.minusDays(150),
						DischargeType.AGAINST_ADVICE, "Left against the team's advice after a family crisis.",
						new NewDischarge.Aftercare("Staying with her sister; address on file with the counsellor.",
								"Walk-in assessment offered at the county outpatient program, any weekday morning.",
								"Women's evening meeting near her sister's home, Monday and Wednesday.",
								"Primary counsellor; 24-hour crisis line; readmission is open to her.",
								"Agreed before leaving: no alcohol in the house, daily check-in text to her sister, call the crisis line if cravings peak."))));
	}

	private final Houses houses;

	private final Admissions admissions;

	private final Accounts accounts;

	private final CareRelationships care;

	private final Discharges discharges;

	ResidentsDemoData(Houses houses, Admissions admissions, Accounts accounts, CareRelationships care,
			Discharges discharges) {
		this.discharges = discharges;
		this.houses = houses;
		this.admissions = admissions;
		this.accounts = accounts;
		this.care = care;
	}

	@Override
	public void contribute(DemoCommunity community) {
		ProgramId program = community.program().id();
		House men = houses.found(program, community.id("house", "bayview"),
				new HouseDetails("Bayview House", HouseKind.MEN, "418 Bayview Road"), 16);
		House women = houses.found(program, community.id("house", "linden"),
				new HouseDetails("Linden House", HouseKind.WOMEN, "27 Linden Court"), 16);
		List<List<Bed>> beds = List.of(houses.beds(program, men.id()), houses.beds(program, women.id()));
		for (Former f : former(community.today())) {
			UUID residentId = community.id("resident", f.key());
			admissions.admit(program, residentId, new NewAdmission(f.given(), f.family(), null,
					community.today().minusYears(f.yearsOld()).minusDays(40), beds.get(f.house()).get(0).id(),
					community.today().minusDays(f.admittedDaysAgo())));
			discharges.discharge(program, residentId, f.discharge(), "director");
		}
		int[] nextBed = new int[2];
		Random random = community.random();
		for (int i = 0; i < PEOPLE.size(); i++) {
			Person p = PEOPLE.get(i);
			String username = "resident%02d".formatted(i + 1);
			UUID residentId = community.id("resident", username);
			LocalDate admitted = community.today().minusDays(p.daysAgo());
			LocalDate born = community.today().minusYears(19 + random.nextInt(40)).minusDays(random.nextInt(365));
			Bed bed = beds.get(p.house()).get(nextBed[p.house()]++);
			admissions.admit(program, residentId, new NewAdmission(p.given(), p.family(), p.preferred(), born, bed.id(), admitted));
			String name = (p.preferred() != null ? p.preferred() : p.given()) + " " + p.family();
			accounts.open(new NewAccount(program, username, name, DemoCommunity.PASSWORD, Set.of(Role.RESIDENT), residentId));
			if (i == 0) {
				accounts.open(new NewAccount(program, "resident", name, DemoCommunity.PASSWORD, Set.of(Role.RESIDENT), residentId));
			}
			if (p.house() == 1) {
				care.addToCaseload(account("clinician2"), residentId);
			}
		}
		// who works where: staff in the men's house, staff2 in the women's, the nurse and the
		// clinician in both; clinician2 follows the women's house residents as a caseload only
		care.assignHouses(account("staff"), List.of(men.id()));
		care.assignHouses(account("staff2"), List.of(women.id()));
		care.assignHouses(account("nurse"), List.of(men.id(), women.id()));
		care.assignHouses(account("clinician"), List.of(men.id(), women.id()));
	}

	private UUID account(String username) {
		return accounts.findByUsername(username).orElseThrow().id();
	}
}
