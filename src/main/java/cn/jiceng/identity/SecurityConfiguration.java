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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors: the API takes bearer tokens and keeps no session; pages use form login with a session and CSRF. The
 * pages' download links (PDF, Excel, photos, audio) point at API reads, so a GET or HEAD without a token may use the
 * page session; any other method still needs a token, which keeps the API's writes out of reach of CSRF.
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
			.addFilterAfter(new SessionDownloadFilter(accounts), BearerTokenFilter.class)
			.addFilterAfter(new ApiPasswordChangeFilter(accounts), SessionDownloadFilter.class)
			.headers(SecurityConfiguration::browserHeaders)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(res, 401, "未认证", "请先登录并携带有效的访问令牌"))
				.accessDeniedHandler((req, res, ex) -> problem(res, 403, "无权操作", "当前账号无权执行此操作")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AccountService accounts) throws Exception {
		http.authenticationProvider(new FormLoginProvider(accounts))
			.addFilterAfter(new SessionEpochFilter(accounts), SecurityContextHolderFilter.class)
			.headers(SecurityConfiguration::browserHeaders)
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

	/**
	 * Scripts and styles only from the app itself (the webjars and /js, /css); inline styles stay allowed because
	 * the templates and htmx's indicator styles use them, inline scripts do not (app.js replaces the handlers).
	 * Bootstrap draws some controls with data: SVG images.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

	private static void browserHeaders(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
		h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
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

	/**
	 * Lets a logged-in page's links read the API: on GET and HEAD without a bearer token, the page session's
	 * authentication is used, when that session's credential epoch still holds (as {@link SessionEpochFilter}). It
	 * only reads an existing session and never creates one.
	 */
	static class SessionDownloadFilter extends OncePerRequestFilter {

		private final AccountService accounts;

		SessionDownloadFilter(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
			var session = safe && SecurityContextHolder.getContext().getAuthentication() == null
					? request.getSession(false) : null;
			if (session != null && session.getAttribute(
					HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext ctx) {
				Authentication auth = ctx.getAuthentication();
				if (auth != null && auth.isAuthenticated() && auth.getDetails() instanceof SessionStamp stamp
						&& accounts.credentialEpoch(stamp.accountId()) == stamp.credentialEpoch()) {
					SecurityContextHolder.getContext().setAuthentication(auth);
				}
			}
			chain.doFilter(request, response);
		}
	}

	/** Stored with a form-login session's authentication: the account and its credential epoch at login. */
	record SessionStamp(long accountId, int credentialEpoch) implements java.io.Serializable {
	}

	/**
	 * Ends a form-login session whose account changed its password (or was disabled) since the session began: the
	 * session is invalidated and the request goes on anonymous, so the login page follows.
	 */
	static class SessionEpochFilter extends OncePerRequestFilter {

		private final AccountService accounts;

		SessionEpochFilter(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getDetails() instanceof SessionStamp stamp) {
				AccountService.CredentialState state = accounts.credentialState(stamp.accountId());
				if (state.epoch() != stamp.credentialEpoch()) {
					SecurityContextHolder.clearContext();
					var session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
				}
				else if (state.mustChangePassword() && !passwordChangeFree(request)) {
					// a reset password is known to the admin who read it out: nothing else until it is changed
					String target = request.getContextPath() + OWN_PASSWORD_PAGE + "?required";
					if (request.getHeader("HX-Request") != null) {
						response.setHeader("HX-Redirect", target);
						response.setStatus(204);
					}
					else {
						response.sendRedirect(target);
					}
					return;
				}
			}
			chain.doFilter(request, response);
		}

		private static boolean passwordChangeFree(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.equals(OWN_PASSWORD_PAGE) || path.equals("/logout") || path.equals("/login")
					|| path.equals("/error") || path.equals("/favicon.ico") || path.startsWith("/webjars/")
					|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/");
		}
	}

	static final String OWN_PASSWORD_PAGE = "/account/password";

	/**
	 * An API caller whose password was reset may only change it (and read who they are, or log out): every other
	 * call gets 403 with the reason, so a client can send its user to the password change.
	 */
	static class ApiPasswordChangeFilter extends OncePerRequestFilter {

		private final AccountService accounts;

		ApiPasswordChangeFilter(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof AccountPrincipal p
					&& accounts.credentialState(p.caller().accountId()).mustChangePassword() && !allowed(request)) {
				problem(response, 403, "须先修改密码",
						"密码已由管理员重置（或为初始密码），须先修改密码（POST /api/account/password）后才能继续操作");
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean allowed(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String method = request.getMethod();
			return (path.equals("/api/account/password") && method.equals("POST"))
					|| (path.equals("/api/auth/token") && method.equals("DELETE"))
					|| (path.equals("/api/me") && method.equals("GET"));
		}
	}

	static class FormLoginProvider implements AuthenticationProvider {

		private final AccountService accounts;

		FormLoginProvider(AccountService accounts) {
			this.accounts = accounts;
		}

		@Override
		public Authentication authenticate(Authentication authentication) throws AuthenticationException {
			String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
					: null;
			LoginOutcome outcome = accounts.authenticate(authentication.getName(),
					String.valueOf(authentication.getCredentials()), address);
			if (outcome instanceof LoginOutcome.Success s) {
				AccountPrincipal principal = AccountPrincipal.of(s.account());
				var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
				// the session remembers the credential epoch it started under; a password change ends it
				auth.setDetails(new SessionStamp(s.account().id(), s.account().credentialEpoch()));
				return auth;
			}
			throw new BadCredentialsException(outcome instanceof LoginOutcome.Throttled t ? t.message()
					: ((LoginOutcome.Refused) outcome).message());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}
	}
}
