package org.milieu.identity;

import java.util.Map;
import java.util.UUID;

/**
 * Display names looked up for a list that names people ({@link Accounts#names}).
 *
 * @param byResident the name of each resident's account, by resident id
 * @param byUsername the name of each staff account (one without a resident), by username
 */
public record AccountNames(Map<UUID, String> byResident, Map<String, String> byUsername) {
}
