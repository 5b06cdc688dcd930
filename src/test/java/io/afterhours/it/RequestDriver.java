package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonArray;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the request tests do over HTTP, as people and UserLock would: ask ahead on the form, post a denied logon,
 * press a button in a request's row, and read the outcome back through the test probes.
 */
final class RequestDriver {

    static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final URI base;

    RequestDriver(URI base) {
        this.base = base;
    }

    /**
     * A quarter hour 1 to 12 days ahead, before 20:00 UTC (room for the longest window the tests ask for before the
     * day ends): runs sharing a database rarely pick overlapping windows for the same person.
     */
    static LocalDateTime someQuarterHourAhead() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(random.nextInt(1, 13))
                .withHour(random.nextInt(0, 20))
                .withMinute(15 * random.nextInt(0, 4))
                .withSecond(0)
                .withNano(0);
    }

    /**
     * Asks ahead for a window of {@code minutes} at a random time; returns the new request's id. Two random windows of
     * one person overlap now and then (about 2 % for three one-hour windows), and the portal rightly refuses the
     * second: then it draws another time.
     */
    long askAhead(PortalSession session, int minutes, String reason) {
        for (int attempt = 1; ; attempt++) {
            LocalDateTime start = someQuarterHourAhead();
            String answer = ask(session, start, start.plusMinutes(minutes), reason);
            if (attempt < 5 && answer.contains("overlaps your request")) {
                continue;
            }
            return sent(answer);
        }
    }

    /** The id in the form's "Request … was sent" answer. */
    static long sent(String answer) {
        Matcher sent = Pattern.compile("Request (\\d+) was sent").matcher(answer);
        return sent.find() ? Long.parseLong(sent.group(1)) : fail("not sent: " + answer);
    }

    /** Posts the "Request extra hours" form as the page's AJAX button does; returns the partial response. */
    String ask(PortalSession session, LocalDateTime start, LocalDateTime end, String reason) {
        String page = session.get("requests.xhtml").body();
        String form = "ask=ask&ask%3Astart_input=" + PortalSession.encode(FORM.format(start))
                + "&ask%3Aend_input=" + PortalSession.encode(FORM.format(end))
                + "&ask%3Atypes=WORKSTATION&ask%3Areason=" + PortalSession.encode(reason)
                + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=ask%3Asend"
                + "&jakarta.faces.partial.execute=ask&jakarta.faces.partial.render=ask+mine&ask%3Asend=ask%3Asend"
                + PortalSession.pageTokens(page);
        HttpResponse<String> response = session.post("requests.xhtml", form, true);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** Opens {@code path} and presses {@code button} in the row of request {@code id} of {@code table} (AJAX). */
    HttpResponse<String> pressInRow(PortalSession session, String path, String table, long id, String button) {
        String page = session.get(path).body();
        HttpResponse<String> response = session.click(path, page, buttonOf(page, table, id, button), true);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** The client id of {@code button} in the row of the table that shows {@code data-request="id"}. */
    static String buttonOf(String page, String table, long id, String button) {
        return buttonOf(page, table, "data-request=\"" + id + "\"", button);
    }

    /** The client id of {@code button} in the first row of {@code table} after the text {@code rowMarker}. */
    static String buttonOf(String page, String table, String rowMarker, String button) {
        int row = page.indexOf(rowMarker);
        assertTrue(row > 0, rowMarker + " is listed");
        Matcher found = Pattern.compile("id=\"(" + Pattern.quote(table) + ":\\d+:" + button + ")\"")
                .matcher(page);
        return found.find(row) ? found.group(1) : fail("no " + button + " for " + rowMarker);
    }

    /** Posts a denied logon from {@code computer} (unique per test) and returns the stored notification's id. */
    long stored(String user, String eventTime, String computer) {
        HttpResponse<String> response = postJson(
                base,
                notification(user)
                        .withEventType(4)
                        .withEventTime(eventTime)
                        .withComputer(computer)
                        .json());
        assertEquals(200, response.statusCode(), response.body());
        JsonArray rows = WebhookIT.parseArray(
                get(base, "api/it-probe/notifications?marker=" + computer).body());
        assertEquals(1, rows.size(), rows.toString());
        return rows.getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** Posts a denied logon and waits for the request worker to open or join a request with it; returns its id. */
    long deniedLogon(String user, String eventTime, String computer) {
        long notification = stored(user, eventTime, computer);
        String handled = await(
                () -> get(base, "api/it-probe/notifications/" + notification + "/request")
                        .body(),
                s -> s.startsWith("true|") && !s.endsWith("|-"));
        return Long.parseLong(handled.substring("true|".length()));
    }

    /** A person's requests, newest first, each "id|state|origin|denials|approver|computer". */
    JsonArray requests(String account) {
        return WebhookIT.parseArray(
                get(base, "api/it-probe/requests?account=" + account).body());
    }

    String row(String account, long id) {
        return requests(account).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .filter(r -> r.startsWith(id + "|"))
                .findFirst()
                .orElseGet(() -> fail("no request " + id + " for " + account));
    }

    String audit(String action) {
        return get(base, "api/it-probe/audit?action=" + action + "&after=0").body();
    }

    long decisionsOn(long request) {
        return Long.parseLong(
                get(base, "api/it-probe/decisions?request=" + request).body());
    }

    static String await(Supplier<String> probe, Predicate<String> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("not done in time: " + last);
    }
}
