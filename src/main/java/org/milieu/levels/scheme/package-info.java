/**
 * The level scheme: what each of the four levels asks of a resident (its criteria), its focus,
 * minimum days and responsibilities. The scheme is versioned: a change applies from a date and the
 * versions before it are kept, so a decision can always be read against the scheme in force when
 * it was made. Until a program publishes its own version, {@link org.milieu.levels.scheme.DefaultScheme} applies.
 */
package org.milieu.levels.scheme;
