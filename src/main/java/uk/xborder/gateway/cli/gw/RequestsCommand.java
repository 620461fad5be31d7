package uk.xborder.gateway.cli.gw;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ApiOptions;
import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.Json;
import uk.xborder.gateway.cli.tool.ToolFailure;
import uk.xborder.gateway.requests.Direction;
import uk.xborder.gateway.requests.OpenRequests;

@Command(name = "requests", description = {
        "The requests for information awaiting a reply, soonest due first, from the gateway's API "
                + "(GET /api/v1/requests): INBOUND ones our agencies must answer, OUTBOUND ones partners must answer, "
                + "each with the deadline of Directive (EU) 2023/977 Art. 5 (8 hours, 3 or 7 calendar days from "
                + "receipt).",
        "A table and a count, or with --json the API's answer; exit 1 if there are none. Reading them is recorded "
                + "in the audit log with your name and --justification, as bin/audit's readings are."})
public final class RequestsCommand implements Callable<Integer> {

    private static final List<String> HEADINGS = List.of("DIRECTION", "MESSAGE ID", "REQUESTER", "REQUESTED PARTY",
            "AGENCY", "RECEIVED", "DUE", "TIME LIMIT", "STATE");

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(names = "--state", paramLabel = "STATE", defaultValue = "open",
            description = "open (all not yet answered) or overdue (not answered by their due time); "
                    + "default: ${DEFAULT-VALUE}.")
    OpenRequests.State state;

    @Option(names = "--direction", paramLabel = "DIRECTION",
            description = "inbound (we must answer) or outbound (we await the answer); default: both.")
    Direction direction;

    @Option(names = "--agency", paramLabel = "AGENCY", description = "Only requests of this agency (its id).")
    String agency;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "Skip the first N requests (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most N requests, 1 to " + OpenRequests.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the API's JSON answer instead of a table (the count goes to "
            + "standard error).")
    boolean json;

    @Override
    public Integer call() {
        if (offset < 0) {
            throw api.refused("--offset must be a whole number from 0");
        }
        if (limit < 1 || limit > OpenRequests.MAX_LIMIT) {
            throw api.refused("--limit must be a whole number from 1 to " + OpenRequests.MAX_LIMIT);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("state", state.name().toLowerCase(Locale.ROOT));
        if (direction != null) {
            parameters.put("direction", direction.name().toLowerCase(Locale.ROOT));
        }
        if (agency != null) {
            parameters.put("agency", agency);
        }
        parameters.put("offset", Integer.toString(offset));
        parameters.put("limit", Integer.toString(limit));
        JsonNode answer = Json.readOrNull(api.client().get("/api/v1/requests", parameters));
        if (answer == null || !answer.path("requests").isArray()) {
            throw new ToolFailure(ExitCode.UNAVAILABLE, "the gateway's answer is not a list of requests");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, answer);
            spec.commandLine().getErr().println(summary(answer));
        } else {
            printTable(out, answer.path("requests"));
            out.println(summary(answer));
            out.flush();
        }
        return answer.path("total").asLong() == 0 ? ExitCode.NEGATIVE : ExitCode.OK;
    }

    private static void printTable(PrintWriter out, JsonNode requests) {
        if (requests.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (JsonNode request : requests) {
            rows.add(List.of(request.path("direction").asText(), request.path("messageId").asText(),
                    request.path("requester").asText(), request.path("requestedParty").asText(),
                    request.path("agency").asText(), request.path("receivedAt").asText(),
                    request.path("dueAt").asText(), request.path("timeLimit").asText(),
                    request.path("overdue").asBoolean() ? "OVERDUE" : "open"));
        }
        Tables.print(out, rows);
    }

    /** For example {@code # 2 of 2 open requests; open: inbound 1, outbound 1; overdue: inbound 0, outbound 1}. */
    private static String summary(JsonNode answer) {
        return "# " + answer.path("requests").size() + " of " + answer.path("total").asLong() + " "
                + answer.path("state").asText().toLowerCase(Locale.ROOT) + " requests (offset "
                + answer.path("offset").asInt() + "); open: " + perDirection(answer.path("open"))
                + "; overdue: " + perDirection(answer.path("overdue")) + "; at " + answer.path("at").asText();
    }

    private static String perDirection(JsonNode counts) {
        List<String> parts = new ArrayList<>();
        for (Direction d : Direction.values()) {
            parts.add(d.name().toLowerCase(Locale.ROOT) + " " + counts.path(d.name()).asLong());
        }
        return String.join(", ", parts);
    }
}
