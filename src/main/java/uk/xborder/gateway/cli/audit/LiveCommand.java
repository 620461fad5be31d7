package uk.xborder.gateway.cli.audit;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ApiOptions;
import uk.xborder.gateway.cli.tool.Json;

/**
 * A command that reads the live log through the API: the API options, and the rule for what it writes (the API's
 * JSON on standard output, for programs; a line for people on standard error).
 */
abstract class LiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    /** Writes the API's answer, and returns it for the summary. */
    JsonNode printed(byte[] answer) {
        JsonNode document = Json.readOrNull(answer);
        Json.print(spec.commandLine().getOut(), document);
        return document;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    void summary(String line) {
        spec.commandLine().getErr().println(line);
    }
}
