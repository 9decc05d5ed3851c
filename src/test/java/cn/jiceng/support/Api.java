package cn.jiceng.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for end-to-end tests: JSON in, status and JSON out. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;
	private final String token;

	private Api(String base, String token) {
		this.base = base;
		this.token = token;
	}

	public static Api anonymous(int port) {
		return new Api("http://localhost:" + port, null);
	}

	public static Api login(int port, String username, String password) {
		Api anon = anonymous(port);
		Response r = anon.post("/api/auth/token", Map.of("username", username, "password", password));
		if (r.status() != 200) {
			throw new IllegalStateException("login failed for " + username + ": " + r.status() + " " + r.body());
		}
		return new Api(anon.base, r.json().get("token").asText());
	}

	public Api as(String username, String password) {
		int port = URI.create(base).getPort();
		return login(port, username, password);
	}

	public record Response(int status, String body, String contentType, byte[] bytes) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String text(String field) {
			JsonNode n = json().get(field);
			return n == null || n.isNull() ? null : n.asText();
		}
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	public Response post(String path, Object body) {
		return send(json(HttpRequest.newBuilder(URI.create(base + path)), "POST", body));
	}

	public Response patch(String path, Object body) {
		return send(json(HttpRequest.newBuilder(URI.create(base + path)), "PATCH", body));
	}

	public Response put(String path, Object body) {
		return send(json(HttpRequest.newBuilder(URI.create(base + path)), "PUT", body));
	}

	public Response postMultipart(String path, String filename, String contentType, byte[] content) {
		String boundary = "----jiceng" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(content, 0, all, head.length, content.length);
		System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(all)));
	}

	private HttpRequest.Builder json(HttpRequest.Builder b, String method, Object body) {
		String s = body instanceof String str ? str : JSON.writeValueAsString(body);
		return b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(s));
	}

	private Response send(HttpRequest.Builder b) {
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
					r.headers().firstValue("Content-Type").orElse(""), r.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
