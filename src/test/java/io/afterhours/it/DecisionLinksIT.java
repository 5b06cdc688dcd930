package io.afterhours.it;

import static io.afterhours.it.ItSupport.get;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decision links over real HTTP (product.md F3): the manager's mail, received by GreenMail, carries the same three
 * links in both parts; fetching them (anonymous, as a mail scanner would, or signed in as the approver) changes
 * nothing; only the page's post decides, once; tampered, expired, forwarded, used and overtaken links decide nothing.
 */
@ExtendWith(ArquillianExtension.class)
class DecisionLinksIT {

    static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    URI base;
    RequestDriver driver;
    GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @BeforeEach
    void setUp() {
        base = ItSupport.loopback(deploymentUrl);
        driver = new RequestDriver(base);
        smtp = MailLinks.greenMail();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void fetchingEveryLinkOfTheMailSignedInOrNotChangesNothing() throws Exception {
        smtp.start();
        String user = "link" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long id = driver.askAhead(new PortalSession(base).signedInAs(user), 90, "Links " + user);

        Multipart parts = (Multipart) MailLinks.awaitMailAbout(smtp, id).getContent();
        List<String> text = MailLinks.inText((String) parts.getBodyPart(0).getContent());
        List<String> html = MailLinks.inHtml((String) parts.getBodyPart(1).getContent());
        assertEquals(3, text.size(), text.toString());
        assertEquals(text, html, "the same links in both parts");
        String before = auditOf(id);
        PortalSession manager = new PortalSession(base).signedInAs("mdubois");
        Map<String, String> preselected =
                Map.of("approve", "decide:approve\"", "less", "decide:approveUntil\"", "deny", "decide:denyReason\"");
        for (String link : text) {
            String path = MailLinks.path(link);
            String action = path.substring(path.lastIndexOf("&a=") + 3);
            HttpResponse<String> anonymous = get(base, path);
            assertTrue(anonymous.body().contains("signin:account"), "anonymous: the sign-in form, " + path);
            ItSupport.method(base, path, "HEAD");
            HttpResponse<String> opened = manager.get(path);
            assertEquals(200, opened.statusCode(), opened.body());
            assertTrue(opened.body().contains("data-request=\"" + id + "\""), opened.body());
            assertTrue(opened.body().contains("id=\"" + preselected.get(action)), action + " is preselected");
            assertTrue(opened.body().contains("Links " + user), "the reason is shown");
        }

        assertTrue(driver.row(user, id).contains("|PENDING|"), driver.row(user, id));
        assertEquals(0, driver.decisionsOn(id));
        assertEquals(before, auditOf(id), "no audit entry");
        assertEquals("[]", linkUses(id), "no link used");
    }

    @Test
    void pressingApproveOnThePageDecidesOnceAndUsesTheLinkUp() {
        Opened o = openedByTheManager("approve");

        HttpResponse<String> pressed = o.manager().click(o.link(), o.page(), "decide:approve", true);

        assertTrue(pressed.body().contains("Request " + o.id() + " approved."), pressed.body());
        assertTrue(driver.row(o.user(), o.id()).contains("|APPROVED|"), driver.row(o.user(), o.id()));
        String audit = auditOf(o.id());
        assertTrue(audit.contains("request.approved|mdubois|PENDING -> APPROVED"), audit);
        assertTrue(audit.contains("request.decided-by-link|mdubois|approved from the decision link"), audit);
        assertTrue(linkUses(o.id()).contains("|"), linkUses(o.id()));

        HttpResponse<String> again = o.manager().click(o.link(), o.page(), "decide:approve", true);
        assertFalse(again.body().contains("approved."), again.body());
        String reopened = o.manager().get(o.link()).body();
        assertTrue(reopened.contains("This link has been used"), reopened);
        assertTrue(reopened.contains("Approved by Mathilde Dubois"), reopened);
        assertFalse(reopened.contains("id=\"decide:approve\""), "nothing left to press");
        assertEquals(1, driver.decisionsOn(o.id()));
        assertEquals(1, count(auditOf(o.id()), "request.decided-by-link"));
    }

    @Test
    void denyingThroughALinkNeedsAReasonAndIsAuditedAsFromTheMail() {
        Opened o = openedByTheManager("deny");

        HttpResponse<String> noReason = o.manager().submit(o.link(), o.page(), "decide:deny", "decide:denyReason", " ");
        assertTrue(noReason.body().contains("Say why you deny it"), noReason.body());
        assertTrue(driver.row(o.user(), o.id()).contains("|PENDING|"));
        assertEquals("[]", linkUses(o.id()), "a refused decision uses nothing up");

        HttpResponse<String> denied =
                o.manager().submit(o.link(), o.page(), "decide:deny", "decide:denyReason", "Not during the freeze");
        assertTrue(denied.body().contains("Request " + o.id() + " denied."), denied.body());
        assertTrue(driver.row(o.user(), o.id()).contains("|DENIED|"));
        assertTrue(auditOf(o.id()).contains("request.decided-by-link|mdubois|denied from the decision link"));
    }

    @Test
    void tamperedExpiredAndForwardedLinksShowNothingToPressAndDecideNothing() {
        String user = "link" + runId();
        long id = pendingRequestOf(user);
        String token = token(id, "mdubois", "PT1H");
        PortalSession manager = new PortalSession(base).signedInAs("mdubois");
        char last = token.charAt(token.length() - 1);

        refused(manager, token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'), "is not valid");
        refused(manager, token.replaceFirst("^" + id + "\\.", (id + 1) + "."), "is not valid");
        refused(manager, token(id, "mdubois", "-PT1M"), "has expired");
        PortalSession other = new PortalSession(base).signedInAs("kbenali");
        String othersPage = refused(other, token, "sent to another approver");
        assertFalse(othersPage.contains("Links " + user), "the request is not shown to someone else");
        // A forged press of the button the page did not render: Faces ignores it.
        other.click(link(token, "approve"), othersPage, "decide:approve", true);

        assertTrue(driver.row(user, id).contains("|PENDING|"), driver.row(user, id));
        assertEquals(0, driver.decisionsOn(id));
        assertEquals("[]", linkUses(id));
        assertTrue(auditOf(id).contains("request.link-refused|kbenali|a link sent to another approver"));
        assertTrue(driver.audit("request.link-refused").contains("mdubois|not a link the portal signed"));
        assertFalse(driver.audit("request.link-refused").contains(token.substring(token.lastIndexOf('.') + 1)));
    }

    @Test
    void aLinkOvertakenByADecisionInTheInboxDecidesNothingAndSaysWhoDecided() {
        Opened o = openedByTheManager("approve");
        assertTrue(o.page().contains("id=\"decide:approve\""));

        PortalSession inbox = new PortalSession(base).signedInAs("mdubois");
        driver.pressInRow(inbox, "inbox.xhtml", "inbox:pending", o.id(), "approve");
        HttpResponse<String> late = o.manager().click(o.link(), o.page(), "decide:approve", true);

        assertTrue(late.body().contains("no longer waits"), late.body());
        assertEquals(1, driver.decisionsOn(o.id()));
        assertEquals("[]", linkUses(o.id()));
        assertEquals(0, count(auditOf(o.id()), "request.decided-by-link"));
        String reopened = o.manager().get(o.link()).body();
        assertTrue(reopened.contains("no longer waits"), reopened);
        assertTrue(reopened.contains("Approved by Mathilde Dubois"), "who decided: " + reopened);
    }

    /** A new pending request of a report of Mathilde's, and her page for its link with {@code action} chosen. */
    private Opened openedByTheManager(String action) {
        String user = "link" + runId();
        long id = pendingRequestOf(user);
        String link = link(token(id, "mdubois", "PT1H"), action);
        PortalSession manager = new PortalSession(base).signedInAs("mdubois");
        return new Opened(user, id, link, manager, manager.get(link).body());
    }

    private record Opened(String user, long id, String link, PortalSession manager, String page) {}

    private long pendingRequestOf(String user) {
        try {
            DemoDirectory.addEmployee(base, user, MATHILDE);
        } catch (com.unboundid.ldap.sdk.LDAPException e) {
            throw new IllegalStateException(e);
        }
        return driver.askAhead(new PortalSession(base).signedInAs(user), 90, "Links " + user);
    }

    /** Opens the link as {@code session} and asserts the page refuses it in words and offers nothing to press. */
    private String refused(PortalSession session, String token, String says) {
        HttpResponse<String> opened = session.get(link(token, "approve"));
        assertEquals(200, opened.statusCode(), "a friendly page, not an error: " + opened.body());
        assertTrue(opened.body().contains(says), opened.body());
        assertFalse(opened.body().contains("id=\"decide:approve\""), "nothing to press");
        assertFalse(opened.body().contains("Caused by"), "no stack trace: " + opened.body());
        return opened.body();
    }

    private String token(long request, String approver, String valid) {
        return get(base, "api/it-probe/link?request=" + request + "&approver=" + approver + "&valid=" + valid)
                .body();
    }

    private static String link(String token, String action) {
        return "decide.xhtml?t=" + token + "&a=" + action;
    }

    private String auditOf(long id) {
        return get(base, "api/it-probe/audit/of?subject=request+" + id).body();
    }

    private String linkUses(long id) {
        return get(base, "api/it-probe/link/uses?request=" + id).body();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
