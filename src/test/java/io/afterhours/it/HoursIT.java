package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.runId;
import static io.afterhours.it.RequestDriver.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Working-hours policies over real HTTP (product.md F10): an administrator writes a group override on the Working
 * hours page, and from then on the request worker judges that group's denials by it, whatever intake's provisional
 * answer by the default policy (Mon–Fri 08:00–19:00, Europe/Paris in the ITs). Each run uses groups and people of its
 * own, so runs can share a database.
 */
@ExtendWith(ArquillianExtension.class)
class HoursIT {

    private static final String PAGE = "admin/hours.xhtml";
    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";
    /** A Wednesday morning, working time by the default policy, and a Saturday morning, which is not. */
    private static final String WEDNESDAY_10 = "2025-03-12T10:00:00+01:00";

    private static final String SATURDAY_11 = "2025-03-15T11:00:00+01:00";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    RequestDriver driver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        driver = new RequestDriver(base);
    }

    @Test
    void aGroupOverrideWrittenOnThePageDecidesWhichDenialsOpenRequests() throws Exception {
        String group = "Weekend-" + runId();
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE, group);
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");

        String page = admin.get(PAGE).body();
        assertTrue(page.contains("Default (everyone)"), "the default policy is listed");
        assertEquals(200, admin.click(PAGE, page, "policies:create", true).statusCode());
        String saved = save(admin, page, "Weekend crew", group, "Europe/Paris", "SATURDAY 10:00 12:00");
        assertTrue(saved.contains("Working hours saved."), saved);
        assertTrue(saved.contains("Sat 10:00–12:00 (workstation, terminal) (Europe/Paris)"), "listed with its hours");

        // In hours by the default policy, out of hours by the override: a request for the line manager.
        String weekdayPc = "PC-" + runId();
        long weekday = driver.stored(user, WEDNESDAY_10, weekdayPc);
        String opened = await(() -> requestOf(weekday), s -> s.startsWith("true|"));
        assertFalse(opened.endsWith("|-"), "a request was opened: " + opened);
        assertEquals("OUT_OF_HOURS_DENIAL", classification(weekdayPc), "the final classification is recorded");

        // Out of hours by the default policy, in hours by the override: handled, no request.
        String weekendPc = "PC-" + runId();
        long weekend = driver.stored(user, SATURDAY_11, weekendPc);
        assertEquals("true|-", await(() -> requestOf(weekend), s -> s.startsWith("true|")));
        assertEquals("IN_HOURS_DENIAL", classification(weekendPc));

        String audit = get(base, "api/it-probe/audit?action=hours.policy.created&after=0")
                .body();
        assertTrue(
                audit.contains("aadmin|before: (none); after: name=Weekend crew, group=" + group + ", priority=10"),
                audit);
        String requests =
                new PortalSession(base).signedInAs(user).get("requests.xhtml").body();
        assertTrue(
                requests.contains("Your normal hours: Sat 10:00–12:00 (workstation, terminal) (Europe/Paris)"),
                "the employee sees their normal hours");
    }

    @Test
    void aSecondAdministratorSavingFromAnOldCopyIsToldAndEveryProblemIsNamed() {
        String group = "Stale-" + runId();
        assertTrue(create("Night shift", group, "MONDAY 22:00 06:00").contains("Working hours saved."));

        PortalSession tab1 = new PortalSession(base).signedInAs("aadmin");
        PortalSession tab2 = new PortalSession(base).signedInAs("aadmin");
        String page1 = tab1.get(PAGE).body();
        String page2 = tab2.get(PAGE).body();
        tab1.click(PAGE, page1, button(page1, group, "edit"), true);
        tab2.click(PAGE, page2, button(page2, group, "edit"), true);

        String wrong = save(
                tab2, page2, "Night shift", group, "Mars/Olympus_Mons", "MONDAY 22:00 06:00", "TUESDAY 05:00 05:00");
        assertTrue(wrong.contains("must be an IANA name"), wrong);
        assertTrue(wrong.contains("Time frame 2: the end equals the start"), wrong);

        assertTrue(save(tab1, page1, "Night shift", group, "America/New_York", "MONDAY 22:00 06:00")
                .contains("Working hours saved."));
        String stale = save(tab2, page2, "Night shift", group, "Europe/Paris", "MONDAY 21:00 06:00");
        assertTrue(stale.contains("Someone else changed or deleted this policy"), stale);

        String changed = get(base, "api/it-probe/audit?action=hours.policy.changed&after=0")
                .body();
        assertTrue(changed.contains("group=" + group + ", priority=10, zone=Europe/Paris"), "before: " + changed);
        assertTrue(changed.contains("group=" + group + ", priority=10, zone=America/New_York"), "after: " + changed);
        assertFalse(changed.contains("MON 21:00"), "the stale save changed nothing");
    }

    @Test
    void aDeletedOverrideIsAuditedAndItsMembersFallBackToTheDefault() throws Exception {
        String group = "Gone-" + runId();
        String user = "it" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE, group);
        assertTrue(create("Weekend only", group, "SATURDAY 10:00 12:00").contains("Working hours saved."));
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");

        String listed = admin.get(PAGE).body();
        assertFalse(listed.contains("id=\"policies:list:0:delete\""), "the default policy (first) cannot be deleted");
        HttpResponse<String> deleted = admin.click(PAGE, listed, button(listed, group, "delete"), true);
        assertTrue(deleted.body().contains("Group override deleted."), deleted.body());
        assertFalse(admin.get(PAGE).body().contains(">" + group + "<"), "no longer listed");
        assertTrue(
                get(base, "api/it-probe/audit?action=hours.policy.deleted&after=0")
                        .body()
                        .contains("group=" + group + ", priority=10, zone=Europe/Paris, frames=[SAT 10:00-12:00"
                                + " WORKSTATION+TERMINAL]; after: (deleted)"),
                "audited with what was deleted");

        // Wednesday 10:00 is working time again for the member: no request.
        long weekday = driver.stored(user, WEDNESDAY_10, "PC-" + runId());
        assertEquals("true|-", await(() -> requestOf(weekday), s -> s.startsWith("true|")));
    }

    @Test
    void onlyAdministratorsReachThePage() {
        HttpResponse<String> employee =
                new PortalSession(base).signedInAs("zlefevre").get(PAGE);

        assertEquals(403, employee.statusCode());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /**
     * Posts the open edit form of {@code page}'s view as its Save button does, with frames written
     * "WEEKDAY HH:mm HH:mm" (for workstation and remote desktop); returns the partial response.
     */
    private static String save(
            PortalSession session, String page, String name, String group, String zone, String... frames) {
        StringBuilder form = new StringBuilder("edit=edit&edit%3Aname=")
                .append(PortalSession.encode(name))
                .append("&edit%3Agroup=")
                .append(PortalSession.encode(group))
                .append("&edit%3Apriority=10&edit%3Azone=")
                .append(PortalSession.encode(zone));
        for (int i = 0; i < frames.length; i++) {
            String[] parts = frames[i].split(" ");
            String row = "edit%3Aframes%3A" + i + "%3A";
            if (i > 0) {
                // A row more than the view holds: press "Add a time frame" first.
                session.post(
                        PAGE,
                        "edit=edit&jakarta.faces.partial.ajax=true&jakarta.faces.source=edit%3Aadd"
                                + "&jakarta.faces.partial.execute=edit%3Aadd&jakarta.faces.partial.render=edit"
                                + "&edit%3Aadd=edit%3Aadd" + PortalSession.pageTokens(page),
                        true);
            }
            form.append('&')
                    .append(row)
                    .append("day_input=")
                    .append(parts[0])
                    .append('&')
                    .append(row)
                    .append("start=")
                    .append(PortalSession.encode(parts[1]))
                    .append('&')
                    .append(row)
                    .append("end=")
                    .append(PortalSession.encode(parts[2]))
                    .append('&')
                    .append(row)
                    .append("types=WORKSTATION&")
                    .append(row)
                    .append("types=TERMINAL");
        }
        form.append("&jakarta.faces.partial.ajax=true&jakarta.faces.source=edit%3Asave")
                .append("&jakarta.faces.partial.execute=edit&jakarta.faces.partial.render=edit+policies")
                .append("&edit%3Asave=edit%3Asave")
                .append(PortalSession.pageTokens(page));
        HttpResponse<String> response = session.post(PAGE, form.toString(), true);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** Creates a group override in Europe/Paris as an administrator does on the page; returns the answer to Save. */
    private String create(String name, String group, String frame) {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String page = admin.get(PAGE).body();
        assertEquals(200, admin.click(PAGE, page, "policies:create", true).statusCode());
        return save(admin, page, name, group, "Europe/Paris", frame);
    }

    /** The client id of {@code button} (edit, delete) in the row of {@code group}'s policy. */
    private static String button(String page, String group, String button) {
        int row = page.indexOf(">" + group + "<");
        assertTrue(row > 0, group + " is listed");
        Matcher found =
                Pattern.compile("id=\"(policies:list:\\d+:" + button + ")\"").matcher(page);
        return found.find(row) ? found.group(1) : fail("no " + button + " button for " + group);
    }

    private String requestOf(long notification) {
        return get(base, "api/it-probe/notifications/" + notification + "/request")
                .body();
    }

    private String classification(String computer) {
        return WebhookIT.parseArray(get(base, "api/it-probe/notifications?marker=" + computer)
                        .body())
                .getJsonObject(0)
                .getString("classification");
    }
}
