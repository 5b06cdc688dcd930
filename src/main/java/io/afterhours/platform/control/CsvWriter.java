package io.afterhours.platform.control;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV as RFC 4180 describes it (CRLF line ends, a field with a comma, quote, CR or LF in quotes, quotes
 * doubled), for Excel: a UTF-8 byte order mark first, and every cell a spreadsheet would read as a formula (starting
 * with = + - @, TAB or CR, or their full-width forms) prefixed with an apostrophe (OWASP CSV injection).
 */
public final class CsvWriter {

    private static final String DANGEROUS_FIRST = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public CsvWriter bom() throws IOException {
        out.write('\uFEFF');
        return this;
    }

    public CsvWriter row(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
        return this;
    }

    /** One cell as written: neutralised, then quoted when RFC 4180 requires it. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = DANGEROUS_FIRST.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote =
                safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
