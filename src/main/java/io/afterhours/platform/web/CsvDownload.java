package io.afterhours.platform.web;

import io.afterhours.platform.control.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the portal's CSV exports share: the download headers (an attachment, never cached or sniffed), a buffered UTF-8
 * writer that starts with the byte order mark, and refusals as plain text in the portal's words. The buffer keeps the
 * response uncommitted until well past the header row, so an export may still {@link HttpServletResponse#reset} and
 * answer 403 or 400 when its boundary refuses before the first row.
 */
public final class CsvDownload {

    private final Writer out;
    private final CsvWriter csv;

    private CsvDownload(Writer out) {
        this.out = out;
        this.csv = new CsvWriter(out);
    }

    /** Sets the headers for {@code filename} and writes the byte order mark. */
    public static CsvDownload start(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        CsvDownload download = new CsvDownload(
                new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 16_384));
        download.csv.bom();
        return download;
    }

    public CsvWriter csv() {
        return csv;
    }

    public void finish() throws IOException {
        out.flush();
    }

    /** A bad request: plain text, so what was asked for is never interpreted as markup. */
    public static void refuse(HttpServletResponse response, String why) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain; charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(why + "\n");
    }

    /** A message key in the portal's words, with its arguments (there is no Faces context in a servlet to ask). */
    public static String text(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("io.afterhours.platform.web.messages", Locale.ENGLISH);
        return MessageFormat.format(bundle.containsKey(key) ? bundle.getString(key) : key, args);
    }
}
