package uk.xborder.gateway.cli.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.audit.log.AuditQuery;

/** Which page of a search: the API's offset and limit. */
final class PageOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0",
            description = "Skip the first N matching entries (default: ${DEFAULT-VALUE}).")
    int offset;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most N entries, 1 to " + AuditQuery.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    int limit;

    Map<String, String> parameters() {
        if (offset < 0) {
            throw new ParameterException(command.commandLine(), "--offset must be a whole number from 0");
        }
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new ParameterException(command.commandLine(), "--limit must be a whole number from 1 to "
                    + AuditQuery.MAX_LIMIT);
        }
        Map<String, String> page = new LinkedHashMap<>();
        page.put("offset", Integer.toString(offset));
        page.put("limit", Integer.toString(limit));
        return page;
    }
}
