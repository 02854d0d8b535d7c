package org.milieu.residents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Attention;

/**
 * Lines another module adds under a house's heading on the census page, such as the staff on
 * shift and the ratio against the house's minimum. Implemented downstream (by {@code staffing}),
 * so the census shows them without depending on that module.
 */
public interface CensusHouseLines {

	/** For each house, what to show this person; houses without lines may be left out. */
	Map<UUID, List<Attention>> linesFor(MilieuUser user);
}
