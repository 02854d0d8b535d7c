package org.milieu.platform;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/**
 * What every demo contributor shares: the program, "today" in the program's time zone, one
 * random source with a fixed seed (so the community is the same on every machine) and the demo
 * password. Identifiers are derived from names so re-generating gives the same ids.
 */
public final class DemoCommunity {

	/** The password of every demo sign-in; only ever used with the embedded database. */
	public static final String PASSWORD = "milieu-demo";

	static final long SEED = 20_261_126L;

	private final Program program;

	private final LocalDate today;

	private final Random random = new Random(SEED);

	DemoCommunity(Program program, LocalDate today) {
		this.program = program;
		this.today = today;
	}

	public Program program() {
		return program;
	}

	public LocalDate today() {
		return today;
	}

	public Random random() {
		return random;
	}

	/** A stable id for a named demo record, e.g. {@code id("resident", "resident07")}. */
	public UUID id(String kind, String name) {
		return UUID.nameUUIDFromBytes(("milieu-demo:" + kind + ":" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
