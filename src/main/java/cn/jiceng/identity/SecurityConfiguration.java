package cn.jiceng.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors: the API takes bearer tokens and keeps no session; pages use form login with a session and CSRF.
 * Both check passwords through {@link AccountService#authenticate} so the lockout is the same everywhere.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Accounts are checked by {@link FormLoginProvider}; this only stops Boot from inventing a default user. */
	@Bean
	org.springframework.security.core.userdetails.UserDetailsService noDefaultUser() {
		return username -> {
			throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AccountService accounts) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/auth/token")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "未认证", "请先登录并携带有效的访问令牌"))
				.accessDeniedHandler((req, res, ex) -> problem(res, 403, "无权操作", "当前账号无权执行此操作")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AccountService accounts) throws Exception {
		http.authenticationProvider(new FormLoginProvider(accounts))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler((req, res, ex) -> {
				req.getSession().setAttribute("loginError", ex.getMessage());
				res.sendRedirect(req.getContextPath() + "/login?error");
			}).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
		res.setStatus(status);
		res.setContentType("application/problem+json;charset=UTF-8");
		res.setCharacterEncoding(StandardCharsets.UTF_8.name());
		res.getWriter()
			.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\""
					+ detail + "\"}");
	}

	/** Reads "Authorization: Bearer …" on every API call; an unknown or expired token leaves the call anonymous. */
	static class BearerTokenFilter extends OncePerRequestFilter {

		private final AccountService accounts;

		BearerTokenFilter(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				String token = header.substring(7).trim();
				accounts.resolveToken(token).ifPresent(account -> {
					AccountPrincipal principal = AccountPrincipal.of(account);
					var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
							principal.getAuthorities());
					SecurityContextHolder.getContext().setAuthentication(auth);
				});
			}
			chain.doFilter(request, response);
		}
	}

	static class FormLoginProvider implements AuthenticationProvider {

		private final AccountService accounts;

		FormLoginProvider(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			LoginOutcome outcome = accounts.authenticate(authentication.getName(),
					String.valueOf(authentication.getCredentials()));
			if (outcome instanceof LoginOutcome.Success s) {
				AccountPrincipal principal = AccountPrincipal.of(s.account());
				return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
			}
			throw new BadCredentialsException(((LoginOutcome.Refused) outcome).message());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}
	}
}
