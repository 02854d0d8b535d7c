/**
 * Privileges of the levels of responsibility: each program's catalogue of freedoms (phone time,
 * visits, off-site passes, senior jobs, a government office, the mentor role, …) with the level
 * each comes with, and individual grants and restrictions for one resident, each with a period
 * and a reason. {@link org.milieu.levels.privileges.LevelPrivileges} answers other modules'
 * <em>may resident X do Y now, and why not?</em>; an active restriction beats the level, an
 * active grant allows below it. The catalogue keeps every version of every privilege; grants and restrictions
 * are never deleted, only ended with who, when and why. Exposed as the named interface
 * {@code levels::privileges}.
 */
@org.springframework.modulith.NamedInterface("privileges")
package org.milieu.levels.privileges;
