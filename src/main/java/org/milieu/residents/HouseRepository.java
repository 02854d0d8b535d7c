package org.milieu.residents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface HouseRepository extends CrudRepository<House, UUID> {

	List<House> findByProgramIdOrderByName(UUID programId);

	Optional<House> findByIdAndProgramId(UUID id, UUID programId);
}
