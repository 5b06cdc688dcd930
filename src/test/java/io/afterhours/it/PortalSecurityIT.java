package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import io.afterhours.directory.control.AdGuid;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what in the portal, over real HTTP against Payara Micro and the demo directory: the authorization matrix
 * (docs/authorization-matrix.csv, P14), forged and stale postbacks (P1), the protected view (P2), session fixation
 * (P3), sign-out and a disabled account ending sessions (P4) and the session cookie (P7). The PostgreSQL pass runs the
 * HTTPS configuration ({@code afterhours.web.https}), so P7 is checked both ways.
 */
@ExtendWith(ArquillianExtension.class)
class PortalSecurityIT {

    private static final Map<String, String> ACCOUNTS = Map.of(
            "employee", "zlefevre",
            "manager", "mdubois",
            "other-manager", "kbenali",
            "administrator", "aadmin",
            "auditor", "aauditor");
    private static final boolean HTTPS = Boolean.getBoolean("afterhours.it.https");
    private static final String SESSION_COOKIE = HTTPS ? "__Host-AFTERHOURS" : "JSESSIONID";
    private static final Pattern INTEGRITY_LINK = Pattern.compile("href=\"([^\"]*audit/integrity\\.xhtml[^\"]*)\"");

    private static final Map<String, Entry> DEMO = new HashMap<>();
    private static String reportRequest;

    @ArquillianResource
    URL deploymentUrl;

    URI base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeAll
    static void readDemoDirectory() throws Exception {
        try (LDIFReader reader = new LDIFReader("src/main/resources/directory/demo-directory.ldif")) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                if (entry.hasAttribute("sAMAccountName")) {
                    DEMO.put(entry.getAttributeValue("sAMAccountName"), entry);
                }
            }
        }
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
    }

    // --- P14: the authorization matrix ------------------------------------------------------------------------

    @Test
    void everyRoleGetsExactlyWhatTheAuthorizationMatrixSays() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docs/authorization-matrix.csv"));
        List<String> header = null;
        List<String> mismatches = new ArrayList<>();
        Map<String, PortalSession> sessions = new LinkedHashMap<>();
        int checked = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = csv(line);
            if (header == null) {
                header = cells;
                continue;
            }
            for (int column = 4; column < header.size(); column++) {
                String role = header.get(column);
                String expected = cells.get(column);
                // A sign-out ends the session: give it a session of its own.
                boolean endsSession = cells.get(1).equals("POST");
                PortalSession session = endsSession ? signedIn(role) : sessions.computeIfAbsent(role, this::signedIn);
                HttpResponse<String> response = respond(session, role, cells.get(1), cells.get(2));
                String actual = classify(response, cells.get(3));
                missingHeaders(response).forEach(h -> mismatches.add(cells.get(0) + " as " + role + ": no " + h));
                checked++;
                if (!expected.equals(actual)) {
                    mismatches.add(cells.get(0) + " as " + role + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertTrue(checked > 100, "the matrix has rows: " + checked);
        assertEquals(List.of(), mismatches, "authorization matrix mismatches");
    }

    private static List<String> missingHeaders(HttpResponse<String> response) {
        var headers = response.headers();
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        List<String> missing = new ArrayList<>();
        for (String directive : List.of("frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'")) {
            if (!csp.contains(directive)) {
                missing.add("CSP " + directive);
            }
        }
        if (response.statusCode() == 200 && !csp.contains("'nonce-") && !csp.contains("default-src 'none'")) {
            missing.add("CSP script nonce");
        }
        if (!"nosniff".equals(headers.firstValue("X-Content-Type-Options").orElse(""))) {
            missing.add("nosniff");
        }
        if (headers.firstValue("Referrer-Policy").isEmpty()) {
            missing.add("Referrer-Policy");
        }
        if (HTTPS && headers.firstValue("Strict-Transport-Security").isEmpty()) {
            missing.add("HSTS");
        }
        return missing;
    }

    /** A pending request of someone who reports to the matrix's manager, made once per test class. */
    private String reportRequest() {
        if (reportRequest == null) {
            try {
                String account = "sec" + ItSupport.runId();
                DemoDirectory.addEmployee(base, account, DEMO.get("mdubois").getDN());
                reportRequest = String.valueOf(
                        new RequestDriver(base).askAhead(new PortalSession(base).signedInAs(account), 60, "Matrix"));
            } catch (com.unboundid.ldap.sdk.LDAPException e) {
                throw new IllegalStateException(e);
            }
        }
        return reportRequest;
    }

    private HttpResponse<String> respond(PortalSession session, String role, String how, String target) {
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        path = path.replace("{own}", role.equals("anonymous") ? guid("zlefevre") : guid(ACCOUNTS.get(role)))
                .replace("{report}", guid("pmartin"))
                .replace("{foreign}", guid("jalvarez"))
                .replace("{nobody}", UUID.randomUUID().toString())
                .replace("{report-request}", reportRequest());
        if (path.contains("{report-link}")) {
            path = path.replace(
                    "{report-link}",
                    get(base, "api/it-probe/link?approver=mdubois&request=" + reportRequest())
                            .body());
        }
        HttpResponse<String> response;
        switch (how) {
            case "GET" -> response = session.get(path);
            case "LINK" -> {
                Matcher link = INTEGRITY_LINK.matcher(session.get("index.xhtml").body());
                response = link.find() ? session.get(relative(link.group(1), path)) : session.get(path);
            }
            case "POST", "AJAX" -> {
                HttpResponse<String> page = session.get(path);
                boolean usable = page.statusCode() == 200
                        && page.body().contains("jakarta.faces.ViewState")
                        && !page.body().contains("signin:account");
                response = session.click(
                        path,
                        usable ? page.body() : null,
                        target.substring(target.indexOf('#') + 1),
                        how.equals("AJAX"));
            }
            default -> throw new IllegalArgumentException("Unknown how: " + how);
        }
        return response;
    }

    private static String classify(HttpResponse<String> response, String shows) {
        String location = response.headers().firstValue("Location").orElse("");
        String body = response.body();
        if (response.statusCode() == 403) {
            return "deny";
        }
        if (response.statusCode() == 302) {
            if (location.contains(shows)) {
                return "allow";
            }
            return location.contains("login.xhtml") || location.contains("expired.xhtml")
                    ? "login"
                    : "redirect to " + location;
        }
        if (body.contains(shows)) {
            return "allow";
        }
        if (response.statusCode() != 200) {
            return "status " + response.statusCode();
        }
        if (body.contains("signin:account") || (body.contains("<redirect") && body.contains("expired.xhtml"))) {
            return "login";
        }
        return "hidden";
    }

    // --- P1: postbacks that must do nothing --------------------------------------------------------------------

    @Test
    void aPostbackWithoutOrWithSomeoneElsesOrAnOldViewStateDoesNothing() {
        PortalSession victim = new PortalSession(base).signedInAs("tyamada");
        PortalSession other = new PortalSession(base).signedInAs("pmartin");
        String othersPage = other.get("index.xhtml").body();

        HttpResponse<String> noViewState =
                victim.post("index.xhtml", "session=session&session%3Asignout=session%3Asignout", false);
        assertFalse(noViewState.headers().firstValue("Location").orElse("").contains("signedOut"));
        assertSignedIn(victim, "no ViewState: nothing happened");

        HttpResponse<String> foreign = victim.click("index.xhtml", othersPage, "session:signout", false);
        assertEquals(302, foreign.statusCode());
        assertTrue(foreign.headers().firstValue("Location").orElse("").endsWith("/expired.xhtml"));
        assertSignedIn(victim, "another session's ViewState: nothing happened");
        assertSignedIn(other, "and the other session is untouched");

        PortalSession returning = new PortalSession(base).signedInAs("tyamada");
        String oldPage = returning.get("index.xhtml").body();
        returning.click("index.xhtml", oldPage, "session:signout", false);
        returning.signedInAs("tyamada");
        HttpResponse<String> stale = returning.click("index.xhtml", oldPage, "session:signout", true);
        assertTrue(stale.body().contains("expired.xhtml"), "AJAX gets a redirect instruction: " + stale.body());
        assertSignedIn(returning, "a signed-out session's ViewState: nothing happened");

        HttpResponse<String> expiredPage = victim.get("expired.xhtml");
        assertEquals(200, expiredPage.statusCode());
        assertTrue(expiredPage.body().contains("id=\"expired\""));
        assertTrue(expiredPage
                .headers()
                .firstValue("Content-Security-Policy")
                .orElse("")
                .contains("'nonce-"));
    }

    // --- P2: the protected view ---------------------------------------------------------------------------------

    @Test
    void theIntegrityCheckOpensOnlyFromALinkThePortalRendered() {
        PortalSession auditor = new PortalSession(base).signedInAs("aauditor");
        long head = auditHead();

        HttpResponse<String> direct = auditor.get("audit/integrity.xhtml");
        assertEquals(403, direct.statusCode());
        assertEquals(0, audit("audit.verified", head).size(), "a direct GET runs nothing");
        assertTrue(audit("access.refused", head).toString().contains("audit/integrity.xhtml"));

        Matcher link = INTEGRITY_LINK.matcher(auditor.get("index.xhtml").body());
        assertTrue(link.find(), "the menu links to it");
        String href = relative(link.group(1), "audit/integrity.xhtml");
        assertTrue(href.startsWith("audit/integrity.xhtml?jakarta.faces.Token="), href);
        HttpResponse<String> viaLink = auditor.get(href);
        assertEquals(200, viaLink.statusCode());
        assertTrue(viaLink.body().contains("id=\"integrity\""));
        assertTrue(audit("audit.verified", head).toString().contains("aauditor"));

        PortalSession someoneElse = new PortalSession(base).signedInAs("aadmin");
        assertEquals(403, someoneElse.get(href).statusCode(), "the token belongs to the session that got the link");
    }

    // --- P3, P4, P7: sessions ----------------------------------------------------------------------------------

    @Test
    void signingInIssuesANewSessionIdAndTheOldOneIsWorthless() {
        PortalSession browser = new PortalSession(base);
        browser.get("login.xhtml");
        String before = browser.cookie(SESSION_COOKIE).orElseThrow(() -> new AssertionError("no session cookie"));
        browser.signedInAs("sobrien");
        String after = browser.cookie(SESSION_COOKIE).orElseThrow();

        assertFalse(before.equals(after), "a new session id at sign-in");
        PortalSession planted = new PortalSession(base);
        planted.setCookie(SESSION_COOKIE, before);
        assertTrue(planted.get("index.xhtml").body().contains("signin:account"), "the pre-sign-in id is anonymous");
        assertSignedIn(browser, "the new id is signed in");
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        PortalSession browser = new PortalSession(base).signedInAs("sobrien");
        String id = browser.cookie(SESSION_COOKIE).orElseThrow();
        String page = browser.get("index.xhtml").body();

        HttpResponse<String> out = browser.click("index.xhtml", page, "session:signout", false);
        assertTrue(out.headers().firstValue("Location").orElse("").contains("signedOut=true"));

        PortalSession replay = new PortalSession(base);
        replay.setCookie(SESSION_COOKIE, id);
        assertTrue(replay.get("index.xhtml").body().contains("signin:account"), "the old id is signed out");
        assertTrue(replay.get("person.xhtml").body().contains("signin:account"));
    }

    @Test
    void disablingTheAccountInTheDirectoryEndsItsSessions() throws Exception {
        long head = auditHead();
        PortalSession browser = new PortalSession(base).signedInAs("aivanova");
        assertSignedIn(browser, "before");
        String dn = DEMO.get("aivanova").getDN();
        try (LDAPConnection directory = DemoDirectory.admin(base)) {
            directory.modify(dn, new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
            try {
                HttpResponse<String> next = waitForRedirect(browser);
                assertTrue(
                        next.headers().firstValue("Location").orElse("").endsWith("login.xhtml?ended=true"),
                        next.headers().map().toString());
                assertTrue(browser.get("index.xhtml").body().contains("signin:account"), "signed out");
                assertTrue(audit("session.ended", head).toString().contains("aivanova"));
                assertEquals(
                        "login.xhtml?failed=true",
                        browser.signIn("aivanova", PortalSession.DEMO_PASSWORD)
                                .headers()
                                .firstValue("Location")
                                .orElse("")
                                .replaceFirst(".*/", ""),
                        "and cannot sign in again");
            } finally {
                directory.modify(dn, new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
            }
        }
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureInTheHttpsConfiguration() {
        HttpResponse<String> first = new PortalSession(base).get("login.xhtml");
        String cookie = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + SESSION_COOKIE + ": " + first.headers().map()));
        String lower = cookie.toLowerCase(java.util.Locale.ROOT);

        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("samesite=lax"), cookie);
        assertEquals(HTTPS, lower.contains("secure"), cookie);
        if (HTTPS) {
            assertTrue(lower.contains("path=/;") || lower.endsWith("path=/"), "__Host- needs Path=/: " + cookie);
            assertFalse(lower.contains("domain="), "__Host- forbids Domain: " + cookie);
            assertTrue(first.headers()
                    .firstValue("Strict-Transport-Security")
                    .orElse("")
                    .startsWith("max-age=31536000"));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** A link the page rendered (absolute path, HTML-escaped), relative to the application from {@code page} on. */
    /**
     * payara/Payara#6145: with Jakarta Security's auto-applied session, Payara recovers a signed-in caller's groups
     * from a thread-bound context that concurrent requests can leave empty, so a manager or administrator got the
     * odd 403. The portal's own mechanism hands the groups over on every request; many requests at once for pages
     * that need a role must all be answered as that role.
     */
    @Test
    void rolesHoldForEveryRequestWhenManyArriveAtOnce() throws Exception {
        int threads = 6;
        int each = 25;
        List<PortalSession> sessions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            sessions.add(signedIn(i % 2 == 0 ? "administrator" : "manager"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                PortalSession session = sessions.get(i);
                String page = i % 2 == 0 ? "admin/health.xhtml" : "team.xhtml";
                String shows = i % 2 == 0 ? "id=\"servers\"" : "id=\"deputyForm\"";
                results.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int n = 0; n < each; n++) {
                        HttpResponse<String> response = session.get(page);
                        if (response.statusCode() != 200 || !response.body().contains(shows)) {
                            wrong.add(page + " " + response.statusCode());
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (java.util.concurrent.Future<List<String>> result : results) {
                wrong.addAll(result.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }
            assertEquals(List.of(), wrong, "every request answered as the signed-in role");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String relative(String href, String page) {
        String link = href.replace("&amp;", "&");
        return link.substring(link.indexOf(page));
    }

    private PortalSession signedIn(String role) {
        PortalSession session = new PortalSession(base);
        return role.equals("anonymous") ? session : session.signedInAs(ACCOUNTS.get(role));
    }

    private static void assertSignedIn(PortalSession session, String what) {
        HttpResponse<String> home = session.get("index.xhtml");
        assertEquals(200, home.statusCode(), what);
        assertTrue(home.body().contains("id=\"webhook-url\""), what);
    }

    private HttpResponse<String> waitForRedirect(PortalSession browser) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = browser.get("index.xhtml");
            if (response.statusCode() == 302) {
                return response;
            }
            Thread.sleep(250);
        }
        return fail("the session of a disabled account was not ended");
    }

    private long auditHead() {
        return Long.parseLong(get(base, "api/it-probe/audit/head").body());
    }

    private jakarta.json.JsonArray audit(String action, long after) {
        return WebhookIT.parseArray(get(base, "api/it-probe/audit?action=" + action + "&after=" + after)
                .body());
    }

    private static String guid(String account) {
        try {
            return AdGuid.fromBytes(DEMO.get(account).getAttributeValueBytes("objectGUID"))
                    .toString();
        } catch (RuntimeException e) {
            throw new AssertionError("No demo account " + account, e);
        }
    }

    /** One CSV line: commas separate, double quotes quote, "" is a quote inside quotes. */
    static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
