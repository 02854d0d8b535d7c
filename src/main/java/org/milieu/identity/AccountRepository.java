package org.milieu.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface AccountRepository extends CrudRepository<Account, UUID> {

	Optional<Account> findByUsername(String username);

	java.util.List<Account> findByProgramIdOrderByUsername(UUID programId);
}
