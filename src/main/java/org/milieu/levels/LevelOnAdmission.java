package org.milieu.levels;

import org.milieu.residents.ResidentAdmitted;
import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every new resident starts at level 1, safety and orientation, on the day of admission; so does
 * a readmitted one, whose history from the earlier stay is kept below the new start. Runs
 * after the admission commits; the event is kept in the publication registry until this has
 * run, so a crash in between does not lose it.
 */
@Component
class LevelOnAdmission {

	private final ResidentLevels levels;

	private final JdbcClient jdbc;

	LevelOnAdmission(ResidentLevels levels, JdbcClient jdbc) {
		this.levels = levels;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void startAtLevelOne(ResidentAdmitted admitted) {
		// a level set for this stay already (e.g. by the demo generator) stands
		boolean hasLevel = jdbc.sql("select exists (select 1 from levels_assignment where resident_id = ? and effective_on >= ?)")
			.params(admitted.residentId(), admitted.admittedOn()).query(Boolean.class).single();
		if (!hasLevel) {
			levels.assign(new ProgramId(admitted.programId()), admitted.residentId(), Level.SAFETY, admitted.admittedOn(),
					"system", "Admitted; orientation level.");
		}
	}
}
