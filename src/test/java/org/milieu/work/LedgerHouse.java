package org.milieu.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.residents.Admissions;
import org.milieu.residents.Bed;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.milieu.shared.ProgramId;

/** Test fixture: a new house of its own with residents, a staff member and a clinician who work there. */
record LedgerHouse(UUID house, List<UUID> residents, MilieuUser staff, MilieuUser clinician, String staffName) {

	static LedgerHouse create(DemoSignIns signIns, Houses houses, Admissions admissions, Accounts accounts,
			CareRelationships care, int residents) {
		ProgramId program = signIns.user("director").programId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(program, new HouseDetails("Ledger " + suffix, HouseKind.MIXED, null), residents).id();
		List<Bed> beds = houses.beds(program, house);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < residents; i++) {
			UUID id = UUID.randomUUID();
			admissions.admit(program, id, new NewAdmission("Paid", "Resident " + (char) ('A' + i), null,
					LocalDate.of(1990, 1, 1), beds.get(i).id(), LocalDate.of(2026, 10, 1)));
			ids.add(id);
		}
		care.assignHouses(accounts.open(new NewAccount(program, "ledger-" + suffix, "Ledger Staff", null,
				Set.of(Role.STAFF), null)).id(), List.of(house));
		care.assignHouses(accounts.open(new NewAccount(program, "ledger-c-" + suffix, "Ledger Clinician", null,
				Set.of(Role.CLINICIAN), null)).id(), List.of(house));
		return new LedgerHouse(house, List.copyOf(ids), signIns.user("ledger-" + suffix), signIns.user("ledger-c-" + suffix),
				"ledger-" + suffix);
	}

	UUID first() {
		return residents.get(0);
	}

	UUID second() {
		return residents.get(1);
	}

	UUID third() {
		return residents.get(2);
	}
}
