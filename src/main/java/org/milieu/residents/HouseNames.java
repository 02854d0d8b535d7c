package org.milieu.residents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.HouseDirectory;
import org.milieu.shared.ProgramId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the identity module which houses exist, for assigning staff to them. */
@Component
class HouseNames implements HouseDirectory {

	private final HouseRepository houses;

	HouseNames(HouseRepository houses) {
		this.houses = houses;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, String> houses(ProgramId program) {
		Map<UUID, String> names = new LinkedHashMap<>();
		houses.findByProgramIdOrderByName(program.value()).forEach(h -> names.put(h.id(), h.name()));
		return names;
	}
}
