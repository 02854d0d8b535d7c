package org.milieu.residents;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The live census as one person may see it, house by house: who lives there with their days in
 * the program, and which beds are free. Computed at each request from the open stays; nothing is
 * refreshed overnight.
 *
 * @param today the day in the program's time zone
 * @param houses the houses shown, by name
 * @param choices the houses this person may pick to see one at a time: every house for the
 *        director, the houses they work in for others
 */
public record CensusBoard(LocalDate today, List<HouseSection> houses, List<House> choices) {

	public CensusBoard {
		houses = List.copyOf(houses);
		choices = List.copyOf(choices);
	}

	/** How many residents the board shows. */
	public int total() {
		return houses.stream().mapToInt(h -> h.residents().size()).sum();
	}

	/** Every resident shown, in house order. */
	public List<CensusEntry> residents() {
		return houses.stream().flatMap(h -> h.residents().stream()).map(Line::entry).toList();
	}

	/** One house: its residents in bed order of the census, and its free beds in bed order. */
	public record HouseSection(UUID houseId, String houseName, List<Line> residents, List<Bed> freeBeds) {

		public HouseSection {
			residents = List.copyOf(residents);
			freeBeds = List.copyOf(freeBeds);
		}
	}

	/**
	 * A resident on the board.
	 *
	 * @param daysInProgram whole days since the admission of the open stay (0 on the day of admission)
	 */
	public record Line(CensusEntry entry, long daysInProgram) {

		static Line of(CensusEntry entry, LocalDate today) {
			return new Line(entry, Math.max(0, ChronoUnit.DAYS.between(entry.admittedOn(), today)));
		}
	}
}
