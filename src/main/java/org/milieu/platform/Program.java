package org.milieu.platform;

import java.time.ZoneId;

import org.milieu.shared.ProgramId;

/** A therapeutic community served by this installation, with the time zone its days run in. */
public record Program(ProgramId id, String name, ZoneId timeZone) {
}
