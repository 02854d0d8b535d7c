package org.milieu.residents;

/** What a director can say about a house: its name, who it is for and where it is. */
public record HouseDetails(String name, HouseKind kind, String address) {
}
