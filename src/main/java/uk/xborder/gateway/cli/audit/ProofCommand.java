package uk.xborder.gateway.cli.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import uk.xborder.gateway.cli.tool.ExitCode;

@Command(name = "proof", description = {
        "The RFC 9162 inclusion proof of entry SEQ against a signed checkpoint, as JSON: seq, treeSize, leafHash, "
                + "path, entry, canonicalEntry (the exact text hashed) and the checkpoint with its signature.",
        "Without --tree-size: the latest checkpoint that covers the entry (one is signed if none does). "
                + "Roles auditor and admin."})
public final class ProofCommand extends LiveCommand {

    @Parameters(paramLabel = "SEQ", description = "The entry's sequence number, from 0.")
    long seq;

    @Option(names = "--tree-size", paramLabel = "N", description = "Prove against the checkpoint of this size.")
    Long treeSize;

    @Override
    public Integer call() {
        if (seq < 0) {
            throw api.refused("SEQ must be a whole number from 0");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (treeSize != null) {
            if (treeSize <= seq) {
                throw api.refused("--tree-size must be larger than SEQ: entry SEQ is not in a smaller tree");
            }
            parameters.put("treeSize", treeSize.toString());
        }
        printed(api.client().get("/api/audit/entries/" + seq + "/proof", parameters));
        return ExitCode.OK;
    }
}
