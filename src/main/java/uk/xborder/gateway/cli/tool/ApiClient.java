package uk.xborder.gateway.cli.tool;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.crypto.Secret;

/**
 * The gateway's REST API as the tools call it (docs/audit-api.md): HTTP Basic with the user's credentials and the
 * justification on every request. An answer other than 2xx becomes a {@link ToolFailure}
 * showing the API's own error code and sentence, with the exit code of its kind. Over https the gateway's certificate
 * must chain to the trust file given (else the JVM's trust store) and name the host of the URL; TLSv1.3 or TLSv1.2.
 */
public final class ApiClient {

    private static final String JUSTIFICATION_HEADER = "X-Audit-Justification";
    /** An export of a large selection is built while the request waits. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final String justification;

    /**
     * @param trust CA certificates (PEM files) to trust for the gateway's TLS certificate; empty: the JVM's own
     */
    ApiClient(URI base, String user, Secret password, String justification, List<Path> trust) {
        this.base = base;
        this.http = httpClient(trust);
        this.authorization = basic(user, password);
        this.justification = justification;
    }

    private static HttpClient httpClient(List<Path> trust) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        builder.sslParameters(tls);
        if (!trust.isEmpty()) {
            builder.sslContext(trusting(trust));
        }
        return builder.build();
    }

    private static SSLContext trusting(List<Path> files) {
        List<X509Certificate> anchors;
        try {
            anchors = Certificates.readCertificates(files);
        } catch (IOException | GeneralSecurityException e) {
            throw new ToolFailure(ExitCode.USAGE, "--gateway-trust: cannot read the CA certificates in " + files + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (anchors.isEmpty()) {
            throw new ToolFailure(ExitCode.USAGE, "--gateway-trust: no certificate in " + files);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the trust store for the gateway's TLS certificate could not be made", e);
        }
    }

    /** GET of a path under the base URL with query parameters (none if empty); the answer's body. */
    public byte[] get(String path, Map<String, String> parameters) {
        return send(request(path + query(parameters)).GET());
    }

    /** POST of a JSON document (or of nothing, if null); the answer's body. */
    public byte[] post(String path, JsonNode document) {
        HttpRequest.Builder request = request(path);
        if (document == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON request could not be written", e);
        }
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A path segment, percent-encoded. */
    public static String segment(String value) {
        return encode(value);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        String root = base.toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(root + pathAndQuery)).timeout(ANSWER_TIMEOUT)
                .header("Authorization", authorization)
                .header(JUSTIFICATION_HEADER, justification)
                .header("Accept", "application/json");
    }

    private byte[] send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new ToolFailure(ExitCode.UNAVAILABLE, "cannot reach the gateway at " + base);
        } catch (SSLHandshakeException e) {
            throw new ToolFailure(ExitCode.UNAVAILABLE, "the gateway at " + base + " is not the one expected: its TLS "
                    + "certificate is not trusted or does not name that host (give its CA with --gateway-trust)");
        } catch (IOException e) {
            throw new ToolFailure(ExitCode.UNAVAILABLE, "the gateway at " + base + " did not answer ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailure(ExitCode.UNAVAILABLE, "interrupted while waiting for the gateway");
        }
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        throw refusal(response.statusCode(), Json.readOrNull(response.body()));
    }

    /** The API's {@code {"error", "message"}}, with the exit code of its kind. */
    private ToolFailure refusal(int status, JsonNode problem) {
        if (problem == null || !problem.path("error").isTextual()) {
            return new ToolFailure(ExitCode.UNAVAILABLE, "the gateway at " + base + " answered HTTP " + status
                    + " without an API error: is this the gateway's API?");
        }
        int exitCode = switch (status) {
            case 401 -> ExitCode.AUTHENTICATION;
            case 403 -> ExitCode.FORBIDDEN;
            case 404 -> ExitCode.NEGATIVE;
            default -> status >= 500 ? ExitCode.UNAVAILABLE : ExitCode.REFUSED;
        };
        return new ToolFailure(exitCode, problem.path("error").asText() + ": " + problem.path("message").asText()
                + " (HTTP " + status + ")");
    }

    private static String query(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String basic(String user, Secret password) {
        char[] chars = password.chars();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] name = (user + ":").getBytes(StandardCharsets.UTF_8);
        byte[] credentials = new byte[name.length + bytes.remaining()];
        System.arraycopy(name, 0, credentials, 0, name.length);
        bytes.get(credentials, name.length, bytes.remaining());
        try {
            return "Basic " + Base64.getEncoder().encodeToString(credentials);
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(credentials, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
