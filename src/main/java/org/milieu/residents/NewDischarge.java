package org.milieu.residents;

import java.time.LocalDate;

/** A command to discharge a resident, with the aftercare plan they leave with (its parts optional). */
public record NewDischarge(LocalDate dischargedOn, DischargeType type, String reason, Aftercare aftercare) {

	/** Where the resident will live and what support awaits them. */
	public record Aftercare(String livingArrangement, String outpatientAppointments, String supportMeetings,
			String contacts, String relapsePrevention) {

		public static final Aftercare NONE = new Aftercare(null, null, null, null, null);
	}
}
