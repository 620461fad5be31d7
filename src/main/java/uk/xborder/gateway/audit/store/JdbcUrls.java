package uk.xborder.gateway.audit.store;

/** Shows a JDBC URL without anything that could be a credential. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * Keeps the scheme, host, port and database; drops PostgreSQL's query ({@code ?user=..&password=..}) and H2's
     * settings ({@code ;PASSWORD=..}), which are where credentials can hide.
     */
    static String redact(String url) {
        if (url == null) {
            return "null";
        }
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return cut < url.length() ? url.substring(0, cut) + "[settings redacted]" : url;
    }
}
