package org.milieu.residents;

/** A house with its bed count and how many beds are taken today. */
public record HouseSummary(House house, int beds, int occupied) {

	public int free() {
		return beds - occupied;
	}
}
