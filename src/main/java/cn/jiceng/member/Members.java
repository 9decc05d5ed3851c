package cn.jiceng.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What other modules may ask about members, without scope checks (the caller has checked scope). */
@Component
public class Members {

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Long> organizationIdOf(long memberId) {
		return jdbc.sql("SELECT organization_id FROM member WHERE id = :id").param("id", memberId).query(Long.class).optional();
	}

	/** The member's name, for labels (the audit trail's entries, an account's bound member). */
	public Optional<String> nameOf(long memberId) {
		return jdbc.sql("SELECT name FROM member WHERE id = :id").param("id", memberId).query(String.class).optional();
	}

	public record MobilityPeriod(long memberId, LocalDate startedOn, LocalDate endedOn) {

		public boolean covers(LocalDate day) {
			return !day.isBefore(startedOn) && (endedOn == null || !day.isAfter(endedOn));
		}
	}

	public List<MobilityPeriod> mobility(long memberId) {
		return jdbc.sql("SELECT member_id, started_on, ended_on FROM member_mobility WHERE member_id = :id ORDER BY started_on")
			.param("id", memberId)
			.query((rs, i) -> new MobilityPeriod(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}
}
