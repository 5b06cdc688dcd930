package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
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
 * Administration over real HTTP (product.md F9): a setting saved on the Settings page takes effect without a restart
 * and is audited with before and after; a pinned setting cannot be edited; bad input is refused with nothing saved;
 * and a UserLock ID rotated on the UserLock IDs page is accepted by the webhook, the old one only until the overlap
 * ends. The ITs pin both UserLock IDs and the SMTP host in the environment; every change made here is undone, since
 * the IT classes share the database.
 */
@ExtendWith(ArquillianExtension.class)
class SettingsIT {

    private static final String PAGE = "admin/settings.xhtml";
    private static final String IDS = "admin/userlock-ids.xhtml";
    private static final String TOKENS = "admin/bridge-tokens.xhtml";
    private static final String MAX_LENGTH = "afterhours.request.max-length";
    private static final String MAPPING = "admin/mapping.xhtml";
    private static final String USER_MAPPING = "afterhours.mapping.user";
    static final String RULES = "admin/auto-approval.xhtml";
    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    URI base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
    }

    @Test
    void aSavedSettingTakesEffectAtOnceAndIsAuditedWithBeforeAndAfter() {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        PortalSession employee = new PortalSession(base).signedInAs("zlefevre");
        assertTrue(employee.get("requests.xhtml").body().contains("At most 8 hours"), "the shipped default");
        String page = admin.get(PAGE).body();
        assertTrue(source(page, MAX_LENGTH).contains("Default"), page);
        try {
            String saved = save(admin, page, MAX_LENGTH, "pt3h");
            assertTrue(saved.contains("Setting saved."), saved);
            assertTrue(saved.contains("Saved here by aadmin at"), saved);

            assertTrue(
                    employee.get("requests.xhtml").body().contains("At most 3 hours"),
                    "the request policy reads the saved value without a restart");
            assertEquals(
                    "[\"" + MAX_LENGTH + "|PT3H|aadmin\"]",
                    get(base, "api/it-probe/settings?key=" + MAX_LENGTH).body());
            assertTrue(
                    audit("setting.changed").contains("aadmin|" + MAX_LENGTH + ": PT8H -> PT3H"),
                    audit("setting.changed"));

            String again = save(admin, admin.get(PAGE).body(), MAX_LENGTH, "PT3H");
            assertTrue(again.contains("already the value in effect"), again);
        } finally {
            String current = admin.get(PAGE).body();
            HttpResponse<String> reset = admin.click(PAGE, current, component(current, MAX_LENGTH, "reset"), true);
            assertTrue(reset.body().contains("Setting back to its default."), reset.body());
        }
        assertTrue(employee.get("requests.xhtml").body().contains("At most 8 hours"), "the default applies again");
        assertEquals("[]", get(base, "api/it-probe/settings?key=" + MAX_LENGTH).body());
        assertTrue(audit("setting.reset").contains("aadmin|" + MAX_LENGTH + ": PT3H -> PT8H"), audit("setting.reset"));
    }

    @Test
    void badInputIsRefusedWithTheReasonAndNothingIsSaved() {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String page = admin.get(PAGE).body();
        String before = audit("setting.changed");

        assertTrue(save(admin, page, MAX_LENGTH, "8 hours").contains("Enter a duration greater than zero"));
        assertTrue(save(admin, page, MAX_LENGTH, "-PT1H").contains("Enter a duration greater than zero"));
        assertTrue(save(admin, page, "afterhours.request.max-ahead", "-P1D").contains("that is not negative"));
        assertTrue(save(admin, page, "afterhours.request.submit", "later").contains("Enter one of: at-once, "));
        assertTrue(
                save(admin, page, "afterhours.request.reason-required", "yes").contains("Enter true or false."));
        assertTrue(save(admin, page, "afterhours.request.default-length", "PT9H")
                .contains("The default request length may not be longer than the maximum length."));

        for (String key : new String[] {
            MAX_LENGTH,
            "afterhours.request.max-ahead",
            "afterhours.request.submit",
            "afterhours.request.reason-required",
            "afterhours.request.default-length"
        }) {
            assertEquals("[]", get(base, "api/it-probe/settings?key=" + key).body(), key + " not saved");
        }
        assertEquals(before, audit("setting.changed"), "nothing audited");

        String unknown = admin.get(PAGE + "?group=nonsense").body();
        assertTrue(unknown.contains("There is no such group of settings."), unknown);
        String mail = admin.get(PAGE + "?group=mail").body();
        assertTrue(save(admin, mail, "afterhours.mail.port", "70000").contains("from 1 to 65535"));
    }

    @Test
    void aSettingPinnedInTheEnvironmentIsShownAsSuchAndCannotBeEdited() {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");

        String mail = admin.get(PAGE + "?group=mail").body();

        String host = source(mail, "afterhours.mail.host");
        assertTrue(host.contains("Pinned by the operator"), host);
        assertTrue(host.contains("edit it there"), host);
        String row = row(mail, "afterhours.mail.host");
        assertFalse(mail.contains("id=\"settings:list:" + row + ":value\""), "no input for a pinned setting");
        assertFalse(mail.contains("id=\"settings:list:" + row + ":save\""), "no save button for a pinned setting");
        assertTrue(mail.contains("No SMTP password is set"), "whether the password is set (not in the ITs)");
        assertTrue(source(mail, "afterhours.mail.from").contains("Default"), "the rest is editable");
    }

    @Test
    void aRotatedUserLockIdIsAcceptedAndTheOldOneOnlyUntilTheOverlapEnds() throws Exception {
        String marker = "rot" + runId();
        String first = UUID.randomUUID().toString();
        String second = "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}";
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");

        assertEquals(401, webhook(first, marker + "-0").statusCode(), "not accepted before it is entered");
        String rotated = rotate(admin, "BACKUP", first, "PT0S");
        assertTrue(rotated.contains("New UserLock ID in use"), rotated);
        assertEquals(200, webhook(first, marker + "-1").statusCode());
        assertEquals(
                200,
                webhook(ItSupport.BACKUP_ID, marker + "-2").statusCode(),
                "the ID pinned in the environment stays accepted");

        rotated = rotate(admin, "BACKUP", second, "PT6S");
        assertTrue(rotated.contains("New UserLock ID in use"), rotated);
        long overlapEnds = System.nanoTime() + 6_000_000_000L;
        assertEquals(200, webhook(second, marker + "-3").statusCode(), "the new ID at once");
        assertEquals(200, webhook(first, marker + "-4").statusCode(), "the old ID during the overlap");
        String during = admin.get(IDS).body();
        assertTrue(during.contains("data-hint=\"" + hint(first) + "\""), "the outgoing ID is listed");
        assertTrue(during.contains("Outgoing, still accepted"), during);
        assertTrue(during.contains("data-hint=\"" + hint(second) + "\""), "the new ID is listed");
        assertFalse(during.toLowerCase(Locale.ROOT).contains(first), "never the full ID");
        assertFalse(during.toLowerCase(Locale.ROOT).contains(strip(second)), "never the full ID");

        while (System.nanoTime() < overlapEnds + 500_000_000L) {
            Thread.sleep(250);
        }
        assertEquals(401, webhook(first, marker + "-5").statusCode(), "the old ID after the overlap");
        assertEquals(200, webhook(second, marker + "-6").statusCode());
        assertEquals(200, webhook(ItSupport.BACKUP_ID, marker + "-7").statusCode());
        assertFalse(admin.get(IDS).body().contains("data-hint=\"" + hint(first) + "\""), "no longer listed");

        String stored =
                get(base, "api/it-probe/userlock-ids?slot=BACKUP").body().toLowerCase(Locale.ROOT);
        assertFalse(stored.contains(first) || stored.contains(strip(second)), "no ID in clear in the database");
        String audited = audit("userlock.id.rotated");
        assertTrue(audited.contains("aadmin|BACKUP: …" + hint(first) + " (accepted until "), audited);
        assertTrue(audited.contains(" -> …" + hint(second) + "; overlap PT6S"), audited);
        assertFalse(audited.contains(first) || audited.toLowerCase(Locale.ROOT).contains(strip(second)), audited);
    }

    @Test
    void aBadRotationIsRefusedAndChangesNothing() {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String before = audit("userlock.id.rotated");

        String refused = rotate(admin, "BACKUP", "ULSRV01", "one hour");
        assertTrue(refused.contains("a GUID such as"), refused);
        assertTrue(refused.contains("Enter the overlap as a duration"), refused);
        assertTrue(rotate(admin, "BACKUP", UUID.randomUUID().toString(), "P32D").contains("Enter the overlap"));
        assertTrue(rotate(admin, "BACKUP", ItSupport.BACKUP_ID, "PT1H").contains("This ID is already accepted."));
        assertEquals(before, audit("userlock.id.rotated"));
    }

    @Test
    void aBridgeTokenCreatedInThePortalIsShownOnceAndWorksUntilRevoked() {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String label = "bridge-" + runId();
        String page = admin.get(TOKENS).body();
        assertTrue(page.contains("(AFTERHOURS_BRIDGE_TOKENS): 2."), "the pinned tokens are counted, not shown");
        assertFalse(page.contains(BridgeApiIT.TOKEN_ONE));

        String created =
                admin.submit(TOKENS, page, "create:save", "create:label", label).body();
        Matcher shown =
                Pattern.compile("id=\"new-token\"[^>]*>([A-Za-z0-9_-]{43})<").matcher(created);
        assertTrue(shown.find(), created);
        String token = shown.group(1);
        assertEquals(200, ping(token), "the new token opens the bridge API");
        String listed = admin.get(TOKENS).body();
        assertFalse(listed.contains(token), "shown once only");
        String row = tokenRow(listed, label);
        assertTrue(row.contains("…" + token.substring(39)), row);
        assertFalse(row.contains("Not yet"), "its last use is shown: " + row);
        String audited = audit("bridge.token.created");
        assertTrue(audited.contains("aadmin|label: " + label + "; token …" + token.substring(39)), audited);
        assertFalse(audited.contains(token), "never the token in the audit");

        Matcher revoke = Pattern.compile("id=\"(tokens:list:\\d+:revoke)\"").matcher(listed);
        assertTrue(revoke.find(listed.indexOf(">" + label + "<")), "a revoke button for " + label);
        String revoked = admin.click(TOKENS, listed, revoke.group(1), true).body();
        assertTrue(revoked.contains("Token revoked"), revoked);
        assertEquals(401, ping(token), "refused once revoked");
        assertEquals(200, ping(BridgeApiIT.TOKEN_ONE), "the pinned token stays accepted");
        assertTrue(audit("bridge.token.revoked").contains("aadmin|label: " + label));
    }

    @Test
    void theFieldMappingPageNamesMembersThatRecentNotificationsCarriedAndNothingMaps() {
        String member = "Extra" + runId();
        String json =
                notification("map" + runId()).withComputer("PC-" + runId()).json();
        String withExtra = "{\"" + member + "\":\"x\"," + json.substring(1);
        assertEquals(200, postJson(base, withExtra).statusCode(), withExtra);

        String page = new PortalSession(base)
                .signedInAs("aadmin")
                .get("admin/mapping.xhtml")
                .body();

        assertTrue(page.contains("data-member=\"" + member + "\""), "the unmapped member is named");
        assertFalse(page.contains("data-member=\"UserAccount\""), "mapped members are not");
        assertTrue(page.contains("afterhours.mapping.client-address"), "each field names its configuration key");
    }

    @Test
    void aMappingSavedInThePortalAppliesToNewNotificationsAndReclassifiesStoredOnes() throws Exception {
        String marker = "PC-RC" + runId();
        String who = "rc" + runId();
        String login = loginNotification(who, marker, "2025-03-12T21:47:05+01:00");
        assertEquals(200, postJson(base, login).statusCode(), login);
        String before = get(base, "api/it-probe/notifications?marker=" + marker).body();
        assertTrue(before.contains("\"mapped\":false"), before);
        assertTrue(before.contains("\"user\":null"), "no user before the mapping knows Login: " + before);

        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        assertTrue(admin.get(MAPPING).body().contains("data-member=\"Login\""), "Login is named as unmapped");
        String mapping = admin.get(PAGE + "?group=mapping").body();
        assertTrue(source(mapping, USER_MAPPING).contains("Default"), mapping);
        try {
            String saved = save(admin, mapping, USER_MAPPING, " Login , UserAccount,UserName ");
            assertTrue(saved.contains("Setting saved."), saved);
            assertTrue(
                    audit("setting.changed")
                            .contains("aadmin|" + USER_MAPPING + ": UserAccount,UserName,User,"
                                    + "AccountName,SamAccountName,Account -> Login,UserAccount,UserName"),
                    audit("setting.changed"));

            // A new notification is read with the saved mapping at once, without a restart.
            String fresh = marker + "-new";
            assertEquals(
                    200,
                    postJson(base, loginNotification(who + "n", fresh, "2025-03-12T21:48:05+01:00"))
                            .statusCode());
            String now = get(base, "api/it-probe/notifications?marker=" + fresh).body();
            assertTrue(now.contains("\"user\":\"" + who + "n\""), now);

            // The stored one changes only when reclassified.
            assertTrue(get(base, "api/it-probe/notifications?marker=" + marker)
                    .body()
                    .contains("\"mapped\":false"));
            String page = admin.get(MAPPING).body();
            String started =
                    admin.click(MAPPING, page, "reclassify:start", true).body();
            if (started.contains("already running")) {
                // Another class's run (the authorization matrix presses the button too): wait for it, then ours.
                page = awaitReclassified(admin);
                started = admin.click(MAPPING, page, "reclassify:start", true).body();
            }
            assertTrue(started.contains("Reclassification started"), started);
            String done = awaitReclassified(admin);
            assertTrue(done.contains("Finished: started by aadmin"), done);

            String after =
                    get(base, "api/it-probe/notifications?marker=" + marker).body();
            assertTrue(after.contains("\"user\":\"" + who + "\""), "now mapped: " + after);
            assertTrue(after.contains("\"mapped\":true"), after);
            assertTrue(after.contains("\"computer\":\"" + marker + "\""), after);
            // Another class's run may be audited too (the matrix presses the button), and may even be the one that
            // mapped ours if it ran between our save and our click: some run since the save mapped ours.
            String audited = get(
                            base, "api/it-probe/audit?action=notifications.reclassified&after=" + savedAt(USER_MAPPING))
                    .body();
            assertTrue(audited.contains("|aadmin|examined "), audited);
            assertTrue(
                    Pattern.compile("newly mapped [1-9]").matcher(audited).find(),
                    "at least our notification: " + audited);
            assertTrue(admin.get(MAPPING).body().contains("Examined "), "the counts are on the page");
        } finally {
            String current = admin.get(PAGE + "?group=mapping").body();
            HttpResponse<String> reset = admin.click(PAGE, current, component(current, USER_MAPPING, "reset"), true);
            assertTrue(reset.body().contains("Setting back to its default."), reset.body());
        }
        assertEquals(
                "[]", get(base, "api/it-probe/settings?key=" + USER_MAPPING).body());
    }

    @Test
    void aBadMappingIsRefusedAndNothingIsSaved() {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String page = admin.get(PAGE + "?group=mapping").body();
        String before = audit("setting.changed");

        assertTrue(save(admin, page, USER_MAPPING, " , ").contains("Enter at least one member name or JSON pointer"));
        assertTrue(save(admin, page, USER_MAPPING, "Login,/User//Name").contains("no empty pointer segment"));
        assertTrue(save(admin, page, "afterhours.mapping.computer", "/").contains("Enter member names or JSON"));

        assertEquals(
                "[]", get(base, "api/it-probe/settings?key=" + USER_MAPPING).body());
        assertEquals(
                "[]",
                get(base, "api/it-probe/settings?key=afterhours.mapping.computer")
                        .body());
        assertEquals(before, audit("setting.changed"), "nothing audited");
    }

    @Test
    void onlyAdministratorsReachThePages() {
        PortalSession employee = new PortalSession(base).signedInAs("zlefevre");
        PortalSession auditor = new PortalSession(base).signedInAs("aauditor");

        assertEquals(403, employee.get(PAGE).statusCode());
        assertEquals(403, employee.get(IDS).statusCode());
        assertEquals(403, auditor.get(PAGE).statusCode());
        assertEquals(403, auditor.get(IDS).statusCode());
        assertEquals(403, employee.get(TOKENS).statusCode());
        assertEquals(403, employee.get("admin/mapping.xhtml").statusCode());
        assertEquals(403, employee.get(RULES).statusCode());
        assertEquals(403, auditor.get(RULES).statusCode());
        assertEquals(
                403, new PortalSession(base).signedInAs("mdubois").get(RULES).statusCode());
    }

    @Test
    void anAutoApprovalRuleSavedInThePortalApprovesItsGroupInOrderUntilDeleted() throws Exception {
        String id = runId();
        String group = "IT-Portal-" + id;
        String user = "it" + id;
        String first = "portal-" + id;
        String second = "portal2-" + id;
        String dn = DemoDirectory.addEmployee(base, user, MATHILDE, group);
        DemoDirectory.addGroup(base, group, dn);
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        PortalSession employee = new PortalSession(base).signedInAs(user);
        RequestDriver driver = new RequestDriver(base);
        LocalDateTime night = LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(1, 0);
        try {
            assertTrue(addRule(admin, first, group, "pt1h", "2").contains("Rule added."));
            String page = admin.get(RULES).body();
            assertTrue(
                    page.indexOf("data-rule=\"it-short\"") < page.indexOf("data-rule=\"" + first + "\""),
                    "the configuration's rule comes first");
            assertTrue(ruleRow(page, "it-short").contains("Configuration (read-only here)"), ruleRow(page, "it-short"));
            assertFalse(ruleRow(page, "it-short").contains(":delete\""), "no delete for a configuration rule");
            assertTrue(ruleRow(page, first).contains("Saved here by aadmin at"), ruleRow(page, first));
            assertTrue(ruleRow(page, first).contains("PT1H"), ruleRow(page, first));
            assertTrue(
                    audit("autoapprove.rule.created")
                            .contains("aadmin|" + first + ": (none) -> group " + group
                                    + ", windows up to PT1H, 2 per month"),
                    audit("autoapprove.rule.created"));

            String approved = driver.ask(employee, night, night.plusMinutes(30), "Short job");
            assertTrue(approved.contains("approved automatically (rule " + first + ")"), approved);
            long auto = idIn(approved, "Request (\\d+) was approved automatically");
            assertEquals("Afterhours (rule: " + first + ")|" + first + "|null", decisionOn(auto));
            long pending = RequestDriver.sent(
                    driver.ask(employee, night.plusHours(1), night.plusHours(3), "Longer than the rule allows"));
            assertTrue(driver.row(user, pending).contains("|PENDING|"), driver.row(user, pending));

            // A second rule goes last; moved up, it is tried before the first.
            assertTrue(addRule(admin, second, group, "PT30M", "1").contains("Rule added."));
            page = admin.get(RULES).body();
            assertTrue(page.indexOf("data-rule=\"" + first + "\"") < page.indexOf("data-rule=\"" + second + "\""));
            String moved =
                    admin.click(RULES, page, button(page, second, "up"), true).body();
            assertTrue(moved.contains("Rule moved."), moved);
            page = admin.get(RULES).body();
            assertTrue(page.indexOf("data-rule=\"" + second + "\"") < page.indexOf("data-rule=\"" + first + "\""));
            assertTrue(
                    audit("autoapprove.rule.moved")
                            .contains("aadmin|" + second + ": order " + first + ", " + second + " -> order " + second
                                    + ", " + first),
                    audit("autoapprove.rule.moved"));
            String bySecond =
                    driver.ask(employee, night.plusHours(4), night.plusHours(4).plusMinutes(20), "Tiny");
            assertTrue(bySecond.contains("approved automatically (rule " + second + ")"), bySecond);

            // Edit the first rule: a longer window and a higher cap, from the page's Edit button.
            String stale = admin.get(RULES).body();
            page = admin.get(RULES).body();
            assertEquals(
                    200,
                    admin.click(RULES, page, button(page, first, "edit"), true).statusCode());
            String changed = admin.submit(
                            RULES,
                            page,
                            "rule:save",
                            "rule:group",
                            group,
                            "rule:maxDuration",
                            "PT2H",
                            "rule:maxPerMonth",
                            "3")
                    .body();
            assertTrue(changed.contains("Rule changed."), changed);
            assertTrue(
                    audit("autoapprove.rule.changed")
                            .contains("aadmin|" + first + ": group " + group
                                    + ", windows up to PT1H, 2 per month -> group " + group
                                    + ", windows up to PT2H, 3 per month"),
                    audit("autoapprove.rule.changed"));
            String byEdited =
                    driver.ask(employee, night.plusHours(5), night.plusHours(6).plusMinutes(30), "Longer");
            assertTrue(byEdited.contains("approved automatically (rule " + first + ")"), "PT2H now: " + byEdited);

            String refused = admin.click(RULES, stale, button(stale, first, "delete"), true)
                    .body();
            assertTrue(refused.contains("Someone else changed the rules in the meantime"), refused);
            assertTrue(admin.get(RULES).body().contains("data-rule=\"" + first + "\""), "a stale page deletes nothing");
        } finally {
            deleteRule(admin, first);
            deleteRule(admin, second);
        }
        String page = admin.get(RULES).body();
        assertFalse(page.contains("data-rule=\"" + first + "\""), page);
        assertFalse(page.contains("data-rule=\"" + second + "\""), page);
        assertTrue(
                audit("autoapprove.rule.deleted")
                        .contains(
                                "aadmin|" + first + ": group " + group + ", windows up to PT2H, 3 per month -> (none)"),
                audit("autoapprove.rule.deleted"));
        long after = RequestDriver.sent(
                driver.ask(employee, night.plusHours(7), night.plusHours(7).plusMinutes(20), "No rule any more"));
        assertTrue(driver.row(user, after).contains("|PENDING|"), "no rule once deleted: " + driver.row(user, after));
    }

    @Test
    void aBadAutoApprovalRuleIsRefusedWithTheReasonAndNothingIsSaved() {
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");
        String before = audit("autoapprove.rule.created");
        String name = "bad-" + runId();

        String fields = addRule(admin, "bad name!", "", "PT9H", "0");
        assertTrue(fields.contains("Enter a rule name of letters, digits"), fields);
        assertTrue(fields.contains("Enter the name of a directory group."), fields);
        assertTrue(fields.contains("at most PT8H (the maximum request length)"), fields);
        assertTrue(fields.contains("as a whole number from 1 to 1000"), fields);
        String group = addRule(admin, name, "No-Such-Group-" + name, "PT1H", "1");
        assertTrue(group.contains("There is no group named No-Such-Group-" + name + " in the directory."), group);
        String taken = addRule(admin, "it-short", "Night-Ops", "PT1H", "1");
        assertTrue(taken.contains("There is already a rule named it-short."), taken);
        assertTrue(addRule(admin, name, "Night-Ops", "one hour", "1").contains("such as PT1H"));

        String page = admin.get(RULES).body();
        assertFalse(page.contains("data-rule=\"" + name + "\""), "nothing saved");
        assertEquals(before, audit("autoapprove.rule.created"), "nothing audited");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** A denial whose account travels in a member named "Login", which the shipped mapping does not know. */
    private static String loginNotification(String user, String computer, String eventTime) {
        return notification(user)
                .withComputer(computer)
                .withEventTime(eventTime)
                .json()
                .replace("\"UserAccount\":", "\"Login\":");
    }

    /** The mapping page once the reclassification it shows has finished (or failed), within a minute. */
    private static String awaitReclassified(PortalSession admin) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        String page = admin.get(MAPPING).body();
        while (page.contains("data-state=\"RUNNING\"") && System.nanoTime() < until) {
            Thread.sleep(250);
            page = admin.get(MAPPING).body();
        }
        assertTrue(page.contains("data-state=\"DONE\""), page);
        return page;
    }

    /** Fills in the Add a rule form and presses Add rule; returns the partial response. */
    private static String addRule(PortalSession admin, String name, String group, String maxDuration, String perMonth) {
        String page = admin.get(RULES).body();
        return admin.submit(
                        RULES,
                        page,
                        "rule:save",
                        "rule:name",
                        name,
                        "rule:group",
                        group,
                        "rule:maxDuration",
                        maxDuration,
                        "rule:maxPerMonth",
                        perMonth)
                .body();
    }

    /** Deletes the portal rule named {@code name} from the page, if it is listed. */
    static void deleteRule(PortalSession admin, String name) {
        String page = admin.get(RULES).body();
        if (page.contains("data-rule=\"" + name + "\"")) {
            String deleted =
                    admin.click(RULES, page, button(page, name, "delete"), true).body();
            assertTrue(deleted.contains("Rule deleted."), deleted);
        }
    }

    /** The client id of a button in the row of the rule named {@code name}. */
    private static String button(String page, String name, String button) {
        Matcher ri = Pattern.compile("data-ri=\"(\\d+)\"").matcher(page);
        int at = page.indexOf("data-rule=\"" + name + "\"");
        assertTrue(at > 0, name + " is listed");
        return ri.find(page.lastIndexOf("<tr", at)) ? "rules:list:" + ri.group(1) + ":" + button : fail("no row");
    }

    /** The HTML of the row of the rule named {@code name}. */
    private static String ruleRow(String page, String name) {
        int at = page.indexOf("data-rule=\"" + name + "\"");
        assertTrue(at > 0, name + " is listed");
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private String decisionOn(long request) {
        return get(base, "api/it-probe/decision?request=" + request).body();
    }

    private static long idIn(String answer, String regex) {
        Matcher m = Pattern.compile(regex).matcher(answer);
        return m.find() ? Long.parseLong(m.group(1)) : fail(regex + " not in " + answer);
    }

    private int ping(String token) {
        return ItSupport.send(java.net.http.HttpRequest.newBuilder(base.resolve("api/bridge/v1/ping"))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Afterhours-Bridge", "it-settings")
                        .GET()
                        .build())
                .statusCode();
    }

    /** The HTML of the row listing the token named {@code label}. */
    private static String tokenRow(String page, String label) {
        int at = page.indexOf(">" + label + "<");
        assertTrue(at > 0, label + " is listed");
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private HttpResponse<String> webhook(String id, String computer) {
        return postJson(
                base,
                notification("u" + computer).withId(id).withComputer(computer).json());
    }

    private static String rotate(PortalSession admin, String slot, String id, String overlap) {
        String page = admin.get(IDS).body();
        return admin.submit(
                        IDS,
                        page,
                        "rotate:save",
                        "rotate:slot_input",
                        slot,
                        "rotate:newId",
                        id,
                        "rotate:overlap",
                        overlap)
                .body();
    }

    /** Types {@code value} into the setting's row and presses its Save button; returns the partial response. */
    private static String save(PortalSession admin, String page, String key, String value) {
        String row = row(page, key);
        return admin.submit(PAGE, page, "settings:list:" + row + ":save", "settings:list:" + row + ":value", value)
                .body();
    }

    private static String component(String page, String key, String name) {
        return "settings:list:" + row(page, key) + ":" + name;
    }

    /** The row index of a setting on the page. */
    private static String row(String page, String key) {
        int at = page.indexOf("data-key=\"" + key + "\"");
        assertTrue(at > 0, key + " is listed");
        int start = page.lastIndexOf("<tr", at);
        Matcher ri = Pattern.compile("data-ri=\"(\\d+)\"").matcher(page);
        return ri.find(start) ? ri.group(1) : fail("no row for " + key);
    }

    /** The text of the "Comes from" cell of a setting's row. */
    private static String source(String page, String key) {
        int at = page.indexOf("data-key=\"" + key + "\"");
        assertTrue(at > 0, key + " is listed");
        int end = page.indexOf("</tr>", at);
        return page.substring(at, end);
    }

    /** The sequence number of the newest audited change of a setting. */
    private long savedAt(String key) {
        Matcher last = Pattern.compile("(\\d+)\\|[^|\"]*\\|" + Pattern.quote(key) + ":")
                .matcher(audit("setting.changed"));
        long seq = -1;
        while (last.find()) {
            seq = Long.parseLong(last.group(1));
        }
        assertTrue(seq > 0, "the change of " + key + " is audited");
        return seq;
    }

    private String audit(String action) {
        return get(base, "api/it-probe/audit?action=" + action + "&after=0").body();
    }

    private static String hint(String id) {
        String plain = strip(id);
        return plain.substring(plain.length() - 4);
    }

    private static String strip(String id) {
        return id.replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
    }
}
