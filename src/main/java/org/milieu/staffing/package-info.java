/**
 * Who looks after the community, and whether they are enough: the program's shifts, a roster per
 * house and shift, staff checking in and out, the live staff-to-resident ratio against each
 * house's minimum (with alerts when it falls short), the ratio history, and the notes one shift
 * hands to the next. It reads occupancy from {@code residents}; it holds no resident data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity", "audit", "residents" }, displayName = "Staffing")
package org.milieu.staffing;
