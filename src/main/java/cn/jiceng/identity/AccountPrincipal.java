package cn.jiceng.identity;

import java.util.Collection;
import java.util.List;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CallerHolder;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal for both sessions and tokens; carries the {@link Caller} the rest of the code reads. */
record AccountPrincipal(Caller caller) implements UserDetails, CallerHolder {

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()));
	}

	@Override
	public String getPassword() {
		return null;
	}

	@Override
	public String getUsername() {
		return caller.username();
	}

	static AccountPrincipal of(Account a) {
		return new AccountPrincipal(new Caller(a.id(), a.username(), a.role(), a.organizationId(), a.memberId(),
				a.countyId()));
	}
}
