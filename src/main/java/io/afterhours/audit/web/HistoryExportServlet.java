package io.afterhours.audit.web;

import io.afterhours.audit.boundary.AuditHistory;
import io.afterhours.audit.boundary.HistoryEntry;
import io.afterhours.audit.boundary.HistoryExport;
import io.afterhours.audit.boundary.HistoryFilter;
import io.afterhours.audit.boundary.HistoryRefused;
import io.afterhours.directory.boundary.Preferences;
import io.afterhours.platform.boundary.AccessRefused;
import io.afterhours.platform.control.CsvWriter;
import io.afterhours.platform.web.CsvDownload;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The history as CSV ({@code history.csv?person=…}, the page's filter): the signed-in person's portal session
 * authenticates it (web.xml), {@link AuditHistory} limits it to what they may see and audits it before the first row,
 * and rows are written as they are read a page at a time, so the size of the history does not matter. Reading only:
 * the one thing it writes is the audit entry saying it was read.
 */
@WebServlet("/history.csv")
public class HistoryExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    transient AuditHistory history;

    @Inject
    transient Preferences preferences;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ZoneId zone = preferences.myZone();
        HistoryExport export;
        try {
            HistoryFilter filter = HistoryParameters.read(request::getParameter, zone);
            export = history.startExport(filter);
        } catch (IllegalArgumentException e) {
            CsvDownload.refuse(response, e.getMessage());
            return;
        } catch (HistoryRefused e) {
            CsvDownload.refuse(response, text(e));
            return;
        } catch (AccessRefused e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        CsvDownload download = CsvDownload.start(
                response, "afterhours-history-" + clock.instant().atZone(zone).toLocalDate() + ".csv");
        CsvWriter csv = download.csv()
                .row(
                        "seq",
                        "when (" + zone.getId() + ")",
                        "actor type",
                        "actor",
                        "action",
                        "subject",
                        "details",
                        "request",
                        "person");
        try {
            history.export(export, entry -> write(csv, entry, zone));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away
        }
        download.finish();
    }

    /** The refusal in the portal's words. */
    private static String text(HistoryRefused refused) {
        return CsvDownload.text(refused.getMessage(), refused.value());
    }

    private static void write(CsvWriter csv, HistoryEntry entry, ZoneId zone) {
        try {
            csv.row(
                    Long.toString(entry.seq()),
                    WHEN.format(entry.occurredAt().atZone(zone)),
                    entry.actorType().name(),
                    entry.actor(),
                    entry.action(),
                    entry.subject(),
                    entry.details(),
                    entry.requestId() == null ? "" : entry.requestId().toString(),
                    entry.personAccount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
