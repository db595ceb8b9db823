package dev.auditlog.spring.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to the running application exactly as given (path and query already
 * encoded), as a script with {@code curl -u} would, and hands back status and body.
 */
final class EndpointClient {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final @Nullable String user;

	private final @Nullable String password;

	EndpointClient(int port, @Nullable String user, @Nullable String password) {
		this.port = port;
		this.user = user;
		this.password = password;
	}

	static EndpointClient admin(int port) {
		return new EndpointClient(port, ReadingApplication.ADMIN, ReadingApplication.ADMIN_PASSWORD);
	}

	EndpointClient as(@Nullable String user, @Nullable String password) {
		return new EndpointClient(this.port, user, password);
	}

	Response get(String pathAndQuery) {
		return send("GET", pathAndQuery);
	}

	Response delete(String pathAndQuery) {
		return send("DELETE", pathAndQuery);
	}

	Response send(String method, String pathAndQuery) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (this.user != null && this.password != null) {
			String credentials = this.user + ":" + this.password;
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body) {

		JsonNode json() {
			return json.readTree(this.body);
		}

	}

}
