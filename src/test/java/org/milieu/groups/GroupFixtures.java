package org.milieu.groups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.Level;
import org.milieu.levels.ResidentLevels;
import org.milieu.residents.Admissions;
import org.milieu.residents.Census;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.springframework.stereotype.Component;

/** Houses of their own for the small groups' tests, filled through the residents' and levels' own services. */
@Component
public class GroupFixtures {

	private final Houses houses;

	private final Admissions admissions;

	private final ResidentLevels levels;

	private final Census census;

	private final DemoSignIns signIns;

	GroupFixtures(Houses houses, Admissions admissions, ResidentLevels levels, Census census, DemoSignIns signIns) {
		this.houses = houses;
		this.admissions = admissions;
		this.levels = levels;
		this.census = census;
		this.signIns = signIns;
	}

	public record TestHouse(UUID id, List<UUID> residents) {
	}

	/** A new house with one resident at each level given (0: no level of their own), admitted 30 days ago. */
	public TestHouse aHouseWithResidentsAtLevels(int... residentLevels) {
		MilieuUser director = signIns.user("director");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(director.programId(), new HouseDetails("Groups " + suffix, HouseKind.MIXED, null),
				residentLevels.length).id();
		LocalDate today = census.day(director.programId());
		List<UUID> residents = new ArrayList<>();
		for (int i = 0; i < residentLevels.length; i++) {
			UUID resident = UUID.randomUUID();
			admissions.admit(director.programId(), resident, new NewAdmission("Member" + i, "Groups " + suffix, null,
					LocalDate.of(1990, 1, 1 + i), houses.beds(director.programId(), house).get(i).id(), today.minusDays(30)));
			if (residentLevels[i] > 0) {
				levels.assign(director.programId(), resident, Level.of(residentLevels[i]), today, "groups test", "for the groups tests");
			}
			residents.add(resident);
		}
		return new TestHouse(house, residents);
	}
}
