package cn.jiceng.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A form-login session over plain HTTP (no browser): login with CSRF, then pages. Redirects are not followed. */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();
	private final String base;

	public PageSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Logs in and answers where the login redirected to (an error page contains "error"). */
	public String login(String username, String password) {
		String token = csrf(get("/login").body());
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		return r.headers().firstValue("Location").orElse("");
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A JSON POST with the session's cookies only (no token, no CSRF field). */
	public HttpResponse<String> postJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A form POST with the CSRF token of the page the form is on. */
	public HttpResponse<String> postForm(String formPage, String path, java.util.Map<String, String> fields) {
		StringBuilder form = new StringBuilder("_csrf=" + enc(csrf(get(formPage).body())));
		fields.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	/** A download (an Excel export) as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token in page");
		}
		return m.group(1);
	}

	private HttpResponse<String> send(HttpRequest.Builder b) {
		try {
			return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
