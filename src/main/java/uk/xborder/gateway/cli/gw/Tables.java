package uk.xborder.gateway.cli.gw;

import java.io.PrintWriter;
import java.util.List;

/** Prints rows as columns padded to their widest cell, the first row the headings. */
final class Tables {

    private Tables() {
    }

    static void print(PrintWriter out, List<List<String>> rows) {
        if (rows.size() < 2) {
            return;
        }
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
