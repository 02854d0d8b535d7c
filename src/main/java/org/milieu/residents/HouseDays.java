package org.milieu.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.shared.ProgramId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which house each resident stayed in on each day, moves included. A stay names only the house a
 * resident is in now (a move points it at the new bed); the moves kept beside it say where they
 * were before. A resident is in the house they moved to from the day of the move, and no longer in
 * the house they left; on the day of discharge they are in no house. Two queries for any number
 * of residents. No access check here: callers check their reader.
 */
@Service
public class HouseDays {

	private final JdbcClient jdbc;

	HouseDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stretch of days a resident stayed in one house.
	 *
	 * @param from the first day in the house
	 * @param until the first day no longer in it (the move or the discharge), or null while they stay
	 */
	public record Spell(UUID residentId, UUID houseId, LocalDate from, LocalDate until) {

		/** Whether the resident was in the house on {@code day}. */
		public boolean covers(LocalDate day) {
			return !from.isAfter(day) && (until == null || until.isAfter(day));
		}
	}

	/**
	 * The spells in a house of the residents of the program from {@code from} to {@code to} (both
	 * days included), by resident, oldest first; {@code residents} null for every resident.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<Spell>> spells(ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		return spells(program, residents, null, from, to);
	}

	/** As {@link #spells(ProgramId, Collection, LocalDate, LocalDate)}, only stays that ever were in {@code house} when it is set. */
	private Map<UUID, List<Spell>> spells(ProgramId program, Collection<UUID> residents, UUID house, LocalDate from,
			LocalDate to) {
		if (residents != null && residents.isEmpty()) {
			return Map.of();
		}
		record Stay(UUID id, UUID residentId, UUID houseId, LocalDate admittedOn, LocalDate dischargedOn) {
		}
		String filter = (residents == null ? "" : " and s.resident_id = any(?)") + (house == null ? ""
				: " and (s.house_id = ? or exists (select 1 from residents_move m where m.resident_id = s.resident_id and m.stay_id = s.id and (m.from_house = ? or m.to_house = ?)))");
		JdbcClient.StatementSpec stays = jdbc.sql("""
				select s.id, s.resident_id, s.house_id, s.admitted_on, s.discharged_on from residents_stay s
				 where s.program_id = ? and s.admitted_on <= ? and (s.discharged_on is null or s.discharged_on > ?)""" + filter
				+ " order by s.resident_id, s.admitted_on").params(program.value(), to, from);
		if (residents != null) {
			stays = stays.param(residents.toArray(UUID[]::new));
		}
		if (house != null) {
			stays = stays.param(house).param(house).param(house);
		}
		List<Stay> found = stays.query((rs, n) -> new Stay(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				rs.getObject("house_id", UUID.class), rs.getObject("admitted_on", LocalDate.class),
				rs.getObject("discharged_on", LocalDate.class))).list();
		if (found.isEmpty()) {
			return Map.of();
		}
		record Move(UUID fromHouse, UUID toHouse, LocalDate movedOn) {
		}
		Map<UUID, List<Move>> moves = new HashMap<>();
		jdbc.sql("""
				select stay_id, from_house, to_house, moved_on from residents_move
				 where program_id = ? and resident_id = any(?) and stay_id = any(?) order by moved_on, recorded_at""")
			.params(program.value(), found.stream().map(Stay::residentId).distinct().toArray(UUID[]::new),
					found.stream().map(Stay::id).toArray(UUID[]::new))
			.query((rs, n) -> moves.computeIfAbsent(rs.getObject("stay_id", UUID.class), k -> new ArrayList<>())
				.add(new Move(rs.getObject("from_house", UUID.class), rs.getObject("to_house", UUID.class),
						rs.getObject("moved_on", LocalDate.class))))
			.list();
		Map<UUID, List<Spell>> out = new LinkedHashMap<>();
		for (Stay stay : found) {
			List<Move> ofStay = moves.getOrDefault(stay.id(), List.of());
			LocalDate start = stay.admittedOn();
			UUID in = ofStay.isEmpty() ? stay.houseId() : ofStay.get(0).fromHouse();
			List<Spell> spells = out.computeIfAbsent(stay.residentId(), k -> new ArrayList<>());
			for (Move move : ofStay) {
				if (move.movedOn().isAfter(start)) {
					spells.add(new Spell(stay.residentId(), in, start, move.movedOn()));
					start = move.movedOn();
				}
				in = move.toHouse();
			}
			spells.add(new Spell(stay.residentId(), in, start, stay.dischargedOn()));
			// keep only the spells that touch the days asked for
			spells.removeIf(s -> s.from().isAfter(to) || (s.until() != null && !s.until().isAfter(from)));
		}
		out.values().removeIf(List::isEmpty);
		return out;
	}

	/** The residents staying in the house on {@code day}, moves included. */
	@Transactional(readOnly = true)
	public List<UUID> residentsOf(ProgramId program, UUID houseId, LocalDate day) {
		List<UUID> out = new ArrayList<>();
		spells(program, null, houseId, day, day).forEach((resident, spells) -> {
			if (spells.stream().anyMatch(s -> s.houseId().equals(houseId) && s.covers(day))) {
				out.add(resident);
			}
		});
		out.sort(null);
		return out;
	}

	/** The house the resident stayed in on {@code day}, if they stayed in the program then. */
	@Transactional(readOnly = true)
	public Optional<UUID> houseOf(ProgramId program, UUID residentId, LocalDate day) {
		return spells(program, List.of(residentId), day, day).getOrDefault(residentId, List.of()).stream()
			.filter(s -> s.covers(day)).map(Spell::houseId).findFirst();
	}
}
