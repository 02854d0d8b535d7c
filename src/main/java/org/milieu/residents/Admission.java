package org.milieu.residents;

import java.util.List;
import java.util.UUID;

/** The outcome of an admission: the new resident, and warnings for the person admitting (never blocks). */
public record Admission(UUID residentId, List<String> warnings) {
}
