package io.afterhours.usage.web;

import io.afterhours.audit.boundary.ReportQuery;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.control.CsvWriter;
import io.afterhours.platform.web.CsvDownload;
import io.afterhours.usage.boundary.Usage;
import io.afterhours.usage.boundary.UsageRow;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The extensions granted in a period with their usage, as CSV ({@code usage.csv?from=…&to=…&manager=…}, the reports
 * page's period and team): who, which window, used or not, first logon, minutes logged on inside the window, sessions,
 * still logged on at the end (F6 "in exports"). Same people as the reports page; {@link Usage#export} limits and
 * audits it and hands the rows over a page at a time, written as they come.
 */
@WebServlet("/usage.csv")
public class UsageExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    transient Usage usage;

    @Inject
    transient Preferences preferences;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ZoneId zone = preferences.myZone();
        ReportQuery query;
        try {
            query = ReportQuery.parse(
                    request.getParameter("from"),
                    request.getParameter("to"),
                    request.getParameter("manager"),
                    LocalDate.now(zone));
        } catch (IllegalArgumentException e) {
            CsvDownload.refuse(response, CsvDownload.text(e.getMessage()));
            return;
        }
        CsvDownload download =
                CsvDownload.start(response, "afterhours-usage-" + query.from() + "-to-" + query.to() + ".csv");
        CsvWriter csv = download.csv();
        try {
            String period = "from " + query.from() + " to " + query.to() + " (" + zone.getId() + ")";
            csv.row(
                    "request",
                    "person",
                    "window start (" + zone.getId() + ")",
                    "window end",
                    "used",
                    "first logon",
                    "minutes logged on in the window",
                    "sessions",
                    "still logged on at the end");
            usage.export(query.start(zone), query.end(zone), query.manager(), period, row -> write(csv, row, zone));
        } catch (AccessRefused e) {
            // Nothing has reached the client: the check comes before the first row and the header is still buffered.
            response.reset();
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (IllegalArgumentException e) {
            response.reset();
            CsvDownload.refuse(response, CsvDownload.text(e.getMessage()));
            return;
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away
        }
        download.finish();
    }

    private static void write(CsvWriter csv, UsageRow row, ZoneId zone) {
        try {
            csv.row(
                    Long.toString(row.requestId()),
                    row.account(),
                    when(row.windowStart(), zone),
                    when(row.windowEnd(), zone),
                    row.used() ? "yes" : "no",
                    row.firstLogon() == null ? "" : when(row.firstLogon(), zone),
                    Long.toString(row.total().toMinutes()),
                    Integer.toString(row.sessions()),
                    row.stillLoggedOnAtEnd() ? "yes" : "no");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
