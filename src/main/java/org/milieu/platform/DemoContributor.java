package org.milieu.platform;

/**
 * A module's part of the demo community. Contributors run once, in {@code @Order}, inside the
 * one transaction that seeds an empty embedded database; a failure leaves nothing behind.
 */
public interface DemoContributor {

	void contribute(DemoCommunity community);
}
