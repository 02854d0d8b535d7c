package org.milieu.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where each lane of the audit chain stood at one moment: its last row's id and hash and how many
 * rows it held. The chain has {@link #LANES} lanes (see the migration that made them); a lane with
 * no rows yet stands at id 0 with the empty hash. A checkpoint keeps this state in a short text,
 * {@code lane:lastId:lastHash:rows} for each lane that has rows, separated by {@code ;}.
 */
record ChainLanes(long[] lastIds, String[] lastHashes, long[] rows) {

	/** As many as {@code audit_lanes()} in the database. */
	static final int LANES = 16;

	/** Before the first row. */
	static ChainLanes empty() {
		long[] ids = new long[LANES];
		String[] hashes = new String[LANES];
		Arrays.fill(hashes, "");
		return new ChainLanes(ids, hashes, new long[LANES]);
	}

	/** A checkpoint taken before the lanes: every row was in lane 0. */
	static ChainLanes laneZero(long lastId, String lastHash, long rows) {
		ChainLanes state = empty();
		state.lastIds[0] = lastId;
		state.lastHashes[0] = lastHash;
		state.rows[0] = rows;
		return state;
	}

	/** The heads the database keeps now, as the reading transaction sees them. */
	static ChainLanes heads(JdbcClient jdbc) {
		ChainLanes state = empty();
		jdbc.sql("select lane, last_id, last_hash, row_count from audit_chain_head").query((rs, n) -> {
			int lane = rs.getInt(1);
			state.lastIds[lane] = rs.getLong(2);
			state.lastHashes[lane] = rs.getString(3);
			state.rows[lane] = rs.getLong(4);
			return lane;
		}).list();
		return state;
	}

	static ChainLanes parse(String text) {
		ChainLanes state = empty();
		for (String lane : text.split(";")) {
			if (lane.isEmpty()) {
				continue;
			}
			String[] parts = lane.split(":", -1);
			int i = Integer.parseInt(parts[0]);
			state.lastIds[i] = Long.parseLong(parts[1]);
			state.lastHashes[i] = parts[2];
			state.rows[i] = Long.parseLong(parts[3]);
		}
		return state;
	}

	String text() {
		List<String> lanes = new ArrayList<>();
		for (int i = 0; i < LANES; i++) {
			if (rows[i] > 0 || lastIds[i] > 0) {
				lanes.add(i + ":" + lastIds[i] + ":" + lastHashes[i] + ":" + rows[i]);
			}
		}
		return String.join(";", lanes);
	}

	/** The lane whose last row is the newest of all, or 0 when there are none. */
	int newestLane() {
		int newest = 0;
		for (int i = 1; i < LANES; i++) {
			if (lastIds[i] > lastIds[newest]) {
				newest = i;
			}
		}
		return newest;
	}

	long lastId() {
		return lastIds[newestLane()];
	}

	String lastHash() {
		return lastHashes[newestLane()];
	}

	long totalRows() {
		return Arrays.stream(rows).sum();
	}

	/** The smallest last id of any lane: no row after the state has a smaller id. */
	long lowestLastId() {
		return Arrays.stream(lastIds).min().orElse(0);
	}

	Short[] laneNumbers() {
		Short[] lanes = new Short[LANES];
		for (int i = 0; i < LANES; i++) {
			lanes[i] = (short) i;
		}
		return lanes;
	}

	Long[] boxedLastIds() {
		return Arrays.stream(lastIds).boxed().toArray(Long[]::new);
	}

	Long[] boxedRows() {
		return Arrays.stream(rows).boxed().toArray(Long[]::new);
	}
}
