package uk.xborder.gateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A running gateway's HTTP side as a client sees it: the API as one of the example users (password
 * {@code example-<user>-password}), with or without a justification, and the Prometheus metrics.
 */
public final class ApiCalls {

    public static final String JUSTIFICATION = "Deadline review 2026/17: requests for information awaiting replies";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    public ApiCalls(RunningGateway gateway) {
        this.base = gateway.httpUrl();
    }

    /** GET as the user, with the justification given (none if null). */
    public HttpResponse<String> get(String pathAndQuery, String user, String justification) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":example-" + user + "-password").getBytes(StandardCharsets.UTF_8)));
        if (justification != null) {
            request.header("X-Audit-Justification", justification);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a JSON body as the user, with the justification given (none if null). */
    public HttpResponse<String> post(String path, String user, String justification, String jsonBody)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":example-" + user + "-password").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        if (justification != null) {
            request.header("X-Audit-Justification", justification);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET as the user with the standard justification, expecting 200; the JSON answer. */
    public JsonNode read(String pathAndQuery, String user) throws Exception {
        HttpResponse<String> response = get(pathAndQuery, user, JUSTIFICATION);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }

    public JsonNode json(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    /** The value of a Prometheus sample, by name and one label, e.g. gateway_requests_open, direction=inbound. */
    public double metric(String name, String label, String value) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/observe/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label + "=\""
                + value + "\"") + "[^}]*}\\s+(\\S+)$").matcher(body);
        if (!sample.find()) {
            throw new AssertionError("no sample " + name + "{" + label + "=\"" + value + "\"} in the metrics");
        }
        return Double.parseDouble(sample.group(1));
    }
}
