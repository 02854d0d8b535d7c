package org.milieu.government;

/** A ballot's answer to a motion; in an election a ballot names a candidate or abstains. */
public enum Choice {
	YES, NO, ABSTAIN
}
