package org.milieu.identity;

import java.util.Map;
import java.util.UUID;

import org.milieu.shared.ProgramId;

/**
 * The program's houses by id and name, for assigning people to them. Implemented by the
 * residents module, which owns houses; identity only keeps the ids.
 */
public interface HouseDirectory {

	Map<UUID, String> houses(ProgramId program);
}
