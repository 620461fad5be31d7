package uk.xborder.gateway.cli.gw;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ApiClient;
import uk.xborder.gateway.cli.tool.ApiOptions;
import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.Json;
import uk.xborder.gateway.cli.tool.ToolFailure;

@Command(name = "exchanges", subcommands = {ExchangesCommand.List.class, ExchangesCommand.Show.class,
        ExchangesCommand.Replay.class, ExchangesCommand.Discard.class}, synopsisSubcommandLabel = "COMMAND",
        description = {"The exchanges of the gateway's exchange store, through its API (/api/v1/exchanges, role "
                + "operator or admin): list them, show one with its attempts, replay or discard one, a list, or "
                + "every exchange a filter selects.",
                "Every reading and every action is in the audit log with your name and --justification; a replay or "
                        + "discard also with its --reason, in the exchange's own trail."})
public final class ExchangesCommand {

    private static final int POLL_MILLIS = 500;

    @Command(name = "list", description = {"Exchanges, newest change first, with their state, reason and, when "
            + "FAILED, for how long. Exit 1 if none match."})
    static final class List implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        ApiOptions api;
        @Mixin
        ExchangeFilterOptions filter;
        @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N.")
        int offset;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N, 1 to 500 "
                + "(default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--json", description = "Print the API's JSON answer instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            Map<String, String> parameters = new LinkedHashMap<>(filter.criteria());
            parameters.put("offset", Integer.toString(offset));
            parameters.put("limit", Integer.toString(limit));
            JsonNode answer = read(api.client().get("/api/v1/exchanges", parameters), "exchanges");
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, answer);
            } else {
                java.util.List<java.util.List<String>> rows = new ArrayList<>();
                rows.add(java.util.List.of("REFERENCE", "DIRECTION", "AGENCY", "PARTNER", "MESSAGE ID", "STATE",
                        "REASON", "FAILED FOR", "ATTEMPTS", "CHANGED"));
                for (JsonNode e : answer.path("exchanges")) {
                    rows.add(java.util.List.of(e.path("reference").asText(), e.path("direction").asText(),
                            text(e, "agency"), text(e, "partner"), text(e, "messageId"), e.path("state").asText(),
                            text(e, "reasonCode"), text(e, "failedFor"), e.path("attempts").asText(),
                            e.path("updatedAt").asText()));
                }
                Tables.print(out, rows);
                out.println("# " + answer.path("exchanges").size() + " of " + answer.path("total").asLong()
                        + " exchanges (offset " + answer.path("offset").asInt() + ") at " + answer.path("at").asText());
                out.flush();
            }
            return answer.path("total").asLong() == 0 ? ExitCode.NEGATIVE : ExitCode.OK;
        }
    }

    @Command(name = "show", description = {"One exchange: its record, every attempt and what is kept to replay it "
            + "(never the content). Exit 1 if there is no such exchange."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        ApiOptions api;
        @Parameters(paramLabel = "REFERENCE", description = "The exchange reference, as the list gives it.")
        String reference;
        @Option(names = "--json", description = "Print the API's JSON answer.")
        boolean json;

        @Override
        public Integer call() {
            JsonNode answer = read(api.client().get("/api/v1/exchanges/" + ApiClient.segment(reference), Map.of()),
                    "exchange");
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, answer);
                return ExitCode.OK;
            }
            JsonNode e = answer.path("exchange");
            for (String field : new String[] {"reference", "direction", "exchangeId", "agency", "partner",
                    "messageId", "state", "reasonCode", "explanation", "createdAt", "updatedAt", "failedSince",
                    "failedFor", "attempts", "node"}) {
                if (!e.path(field).isNull() && !e.path(field).isMissingNode()) {
                    out.printf("%-13s %s%n", field, e.path(field).asText());
                }
            }
            JsonNode content = answer.path("content");
            out.printf("%-13s %s%n", "content", content.isNull() ? "none kept"
                    : content.path("kind").asText() + " under key " + content.path("keyId").asText()
                    + (content.path("erasedAt").isNull() ? "" : ", erased " + content.path("erasedAt").asText()));
            java.util.List<java.util.List<String>> rows = new ArrayList<>();
            rows.add(java.util.List.of("ATTEMPT AT", "OUTCOME", "NODE", "ENDPOINT", "ERROR"));
            for (JsonNode a : answer.path("attempts")) {
                rows.add(java.util.List.of(a.path("at").asText(), a.path("outcome").asText(), text(a, "node"),
                        text(a, "endpoint"), text(a, "error")));
            }
            out.println();
            Tables.print(out, rows);
            out.flush();
            return ExitCode.OK;
        }
    }

    /** What replay and discard share: which exchanges, why, and the confirmation of a bulk selection. */
    static final class Selection {

        @Parameters(paramLabel = "REFERENCE", arity = "0..*", description = "Exchange references; or select by "
                + "filter options instead.")
        java.util.List<String> references = new ArrayList<>();
        @Mixin
        ExchangeFilterOptions filter;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (required): it goes on "
                + "each exchange's audit trail.")
        String reason;
        @Option(names = "--expect", paramLabel = "N", description = "Confirm the number of exchanges you saw "
                + "selected: needed beyond gateway.operator.max-bulk; refused if another number is selected now.")
        Long expect;

        ObjectNode body(ApiOptions api, boolean force) {
            boolean byFilter = !filter.criteria().isEmpty();
            if (byFilter == !references.isEmpty()) {
                throw api.refused("give exchange references or filter options (--partner, --state, ...), not both "
                        + "and not neither");
            }
            ObjectNode body = Json.mapper().createObjectNode();
            if (byFilter) {
                ObjectNode criteria = body.putObject("filter");
                filter.criteria().forEach(criteria::put);
            } else {
                references.forEach(body.putArray("references")::add);
            }
            body.put("reason", reason);
            body.put("force", force);
            if (expect != null) {
                body.put("expectedCount", expect);
            }
            return body;
        }

        boolean single() {
            return references.size() == 1 && filter.criteria().isEmpty() && expect == null;
        }
    }

    @Command(name = "replay", description = {"Send exchanges again, keeping their message ids (a partner that has "
            + "one answers with its receipt; nothing is delivered twice): a failed delivery's sealed envelope "
            + "through the partner's retries, a refused message through validation and policy again.",
            "For one reference the answer at once; for several, or a filter, progress while it runs and each "
                    + "exchange's result. Exit 0 if all were replayed, 5 if any was refused (the code says why), 1 "
                    + "if nothing matched.",
            "Example: gw exchanges replay --partner europol --state FAILED --reason \"endpoint restored\""})
    static final class Replay implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        ApiOptions api;
        @Mixin
        Selection selection;
        @Option(names = "--force", description = "Replay exchanges delivered already too (their partner still "
                + "takes each once).")
        boolean force;
        @Option(names = "--json", description = "Print the API's JSON answers.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            ObjectNode body = selection.body(api, force);
            ApiClient client = api.client();
            PrintWriter out = spec.commandLine().getOut();
            if (selection.single()) {
                return onOne(out, json, client, selection, "replay", body);
            }
            JsonNode started = read(client.post("/api/v1/exchanges/replays", body), "replay");
            if (nothingMatched(out, started)) {
                return ExitCode.NEGATIVE;
            }
            String job = started.path("id").asText();
            int total = started.path("total").asInt();
            if (!json) {
                out.println("# replay " + job + " of " + total + " exchanges started");
                out.flush();
            }
            JsonNode progress = started;
            int shown = -1;
            while (!progress.path("finished").asBoolean()) {
                Thread.sleep(POLL_MILLIS);
                progress = read(client.get("/api/v1/exchanges/replays/" + ApiClient.segment(job), Map.of()),
                        "progress");
                if (!json && progress.path("done").asInt() != shown) {
                    shown = progress.path("done").asInt();
                    out.println("# " + shown + " of " + total + " done");
                    out.flush();
                }
            }
            java.util.List<JsonNode> results = new ArrayList<>();
            progress.path("results").forEach(results::add);
            if (json) {
                Json.print(out, progress);
                return exitOf(results);
            }
            return printResults(out, false, results);
        }
    }

    @Command(name = "discard", description = {"Mark exchanges DISCARDED, never to be replayed: one, a list, or "
            + "every exchange a filter selects. Exit 0 if all were discarded, 5 if any was refused (e.g. "
            + "IN_PROCESSING, REPLAYED_ALREADY), 1 if nothing matched."})
    static final class Discard implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        ApiOptions api;
        @Mixin
        Selection selection;
        @Option(names = "--json", description = "Print the API's JSON answer.")
        boolean json;

        @Override
        public Integer call() {
            ObjectNode body = selection.body(api, false);
            ApiClient client = api.client();
            PrintWriter out = spec.commandLine().getOut();
            if (selection.single()) {
                body.remove("force");
                return onOne(out, json, client, selection, "discard", body);
            }
            JsonNode answer = read(client.post("/api/v1/exchanges/discards", body), "discard");
            if (nothingMatched(out, answer)) {
                return ExitCode.NEGATIVE;
            }
            java.util.List<JsonNode> results = new ArrayList<>();
            answer.path("results").forEach(results::add);
            if (json) {
                Json.print(out, answer);
                return exitOf(results);
            }
            return printResults(out, false, results);
        }
    }

    /** One exchange by its reference: the operation's own endpoint, answered at once. */
    private static int onOne(PrintWriter out, boolean json, ApiClient client, Selection selection, String verb,
                             ObjectNode body) {
        body.remove("references");
        JsonNode result = read(client.post("/api/v1/exchanges/" + ApiClient.segment(selection.references.get(0))
                + "/" + verb, body), "result");
        return printResults(out, json, java.util.List.of(result));
    }

    /** A selection that matched nothing is answered with a count of 0 and a sentence, and nothing was done. */
    private static boolean nothingMatched(PrintWriter out, JsonNode answer) {
        if (!answer.has("matched")) {
            return false;
        }
        out.println("# " + answer.path("message").asText());
        out.flush();
        return true;
    }

    private static int printResults(PrintWriter out, boolean json, java.util.List<JsonNode> results) {
        if (json) {
            results.forEach(result -> Json.print(out, result));
            return exitOf(results);
        }
        java.util.List<java.util.List<String>> rows = new ArrayList<>();
        rows.add(java.util.List.of("REFERENCE", "OUTCOME", "STATE", "EXPLANATION"));
        for (JsonNode r : results) {
            rows.add(java.util.List.of(r.path("reference").asText(), r.path("outcome").asText(), text(r, "state"),
                    text(r, "explanation")));
        }
        Tables.print(out, rows);
        long done = results.stream().filter(ExchangesCommand::done).count();
        out.println("# " + done + " of " + results.size() + " done");
        out.flush();
        return exitOf(results);
    }

    private static int exitOf(java.util.List<JsonNode> results) {
        return results.stream().allMatch(ExchangesCommand::done) ? ExitCode.OK : ExitCode.REFUSED;
    }

    private static boolean done(JsonNode result) {
        String outcome = result.path("outcome").asText();
        return outcome.equals("REPLAYED") || outcome.equals("DISCARDED");
    }

    private static JsonNode read(byte[] body, String what) {
        JsonNode answer = Json.readOrNull(body);
        if (answer == null || !answer.isObject()) {
            throw new ToolFailure(ExitCode.UNAVAILABLE, "the gateway's answer is not a " + what);
        }
        return answer;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }
}
