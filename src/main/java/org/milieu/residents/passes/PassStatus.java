package org.milieu.residents.passes;

/** Where a pass stands: out and due back later, out past its expected return, or back. */
public enum PassStatus {
	OUT, OVERDUE, RETURNED
}
