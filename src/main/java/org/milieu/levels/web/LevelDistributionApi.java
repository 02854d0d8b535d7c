package org.milieu.levels.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.HouseLevels;
import org.milieu.levels.Level;
import org.milieu.levels.LevelBoard;
import org.milieu.residents.Census;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Today's residents counted per house and level over JSON, as far as the reader's reach goes. */
@RestController
class LevelDistributionApi {

	private final LevelBoard board;

	private final Census census;

	LevelDistributionApi(LevelBoard board, Census census) {
		this.board = board;
		this.census = census;
	}

	@GetMapping("/api/v1/level-distribution")
	ResponseEntity<DistributionResponse> distribution(@AuthenticationPrincipal MilieuUser user) {
		List<HouseResponse> houses = board.distribution(user).stream().map(HouseResponse::of).toList();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(new DistributionResponse(census.day(user.programId()), houses));
	}

	record DistributionResponse(LocalDate date, List<HouseResponse> houses) {
	}

	/** {@code levels} maps each level's number, 1 to 4, to its count. */
	record HouseResponse(UUID houseId, String houseName, Map<String, Integer> levels, int withoutLevel, int total) {

		static HouseResponse of(HouseLevels house) {
			Map<String, Integer> levels = new LinkedHashMap<>();
			for (Level level : Level.values()) {
				levels.put(String.valueOf(level.number()), house.count(level));
			}
			return new HouseResponse(house.houseId(), house.houseName(), levels, house.withoutLevel(), house.total());
		}
	}
}
