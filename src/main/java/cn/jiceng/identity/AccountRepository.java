package cn.jiceng.identity;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Usernames are case-insensitive ({@code ADMIN} is {@code admin}); V12 keeps lower(username) unique within a county, and account creation checks every county. */
interface AccountRepository extends ListCrudRepository<Account, Long> {

	@Query("SELECT * FROM account WHERE lower(username) = lower(:username)")
	Optional<Account> findByUsername(@Param("username") String username);

	@Query("SELECT count(*) > 0 FROM account WHERE lower(username) = lower(:username)")
	boolean existsByUsername(@Param("username") String username);
}
