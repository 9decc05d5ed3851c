package cn.jiceng.access;

import java.util.Optional;

import cn.jiceng.common.ForbiddenException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
public class CurrentCaller {

	public Optional<Caller> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CallerHolder holder) {
			return Optional.of(holder.caller());
		}
		return Optional.empty();
	}

	public Caller get() {
		return find().orElseThrow(() -> new ForbiddenException("未登录"));
	}

	/** The actor name written into the audit trail; "system" for start-up jobs and schedulers. */
	public String actorName() {
		return find().map(Caller::username).orElse("system");
	}
}
