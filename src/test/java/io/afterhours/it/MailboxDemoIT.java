package io.afterhours.it;

import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo run's mailbox (afterhours.mail.mode=demo, as the README's run command has it; the it-demo-mail pass of
 * pom.xml): a denied logon's mail to the manager goes through the outbox over real SMTP to the server inside the
 * portal, and an administrator reads it on the mailbox page, its HTML part in the sandboxed frame. Skipped, before
 * any server starts, in the passes that send to GreenMail instead.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "afterhours.it.mail", matches = "demo")
class MailboxDemoIT {

    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @Test
    void aDeniedLogonsMailToTheManagerIsInTheDemoMailbox() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String user = "demo" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        RequestDriver driver = new RequestDriver(base);
        long request = driver.deniedLogon(user, LocalDate.now(ZoneOffset.UTC) + "T23:00:00Z", "PC-" + user);
        RequestDriver.await(
                () -> ItSupport.get(base, "api/it-probe/mail?request=" + request)
                        .body(),
                rows -> rows.contains("request-waiting|mdubois@corp.local|SENT|0"));
        PortalSession admin = new PortalSession(base).signedInAs("aadmin");

        String list = RequestDriver.await(
                () -> admin.get("admin/mailbox.xhtml").body(),
                page -> page.contains("Extension request from Test " + user));

        // One row: its id, then the recipient and the subject before the row ends.
        Matcher row = Pattern.compile(
                        "data-mail=\"(\\d+)\">((?!</tr>).)*mdubois@corp\\.local((?!</tr>).)*"
                                + "Extension request from Test " + user,
                        Pattern.DOTALL)
                .matcher(list);
        assertTrue(row.find(), "listed with its date, recipient and subject: " + list);
        String open = admin.get("admin/mailbox.xhtml?mail=" + row.group(1)).body();
        assertTrue(open.contains("id=\"open-mail\""), open);
        assertTrue(open.contains("request.xhtml?id=" + request), "the text part with the request's link");
        assertTrue(open.contains("Message-ID: &lt;outbox-"), "the raw headers as received");
        assertTrue(open.contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\""), open);
        assertTrue(open.contains("srcdoc=\"&lt;meta"), "the HTML part inside the frame only");

        // The demo's whole mail loop: Mathilde approves from the mail's link (after confirming), and the
        // employee's approval mail lands in the same mailbox.
        Matcher approve = Pattern.compile("(decide\\.xhtml\\?t=[A-Za-z0-9._-]+)&amp;a=approve")
                .matcher(open);
        assertTrue(approve.find(), "the mail's Approve link: " + open);
        String link = approve.group(1) + "&a=approve";
        PortalSession manager = new PortalSession(base).signedInAs("mdubois");
        String confirm = manager.get(link).body();
        assertTrue(confirm.contains("id=\"decide:approve\""), "a confirmation page first: " + confirm);
        assertTrue(driver.decisionsOn(request) == 0, "opening the link decided nothing");
        manager.click(link, confirm, "decide:approve", true);
        RequestDriver.await(
                () -> ItSupport.get(base, "api/it-probe/mail?request=" + request)
                        .body(),
                rows -> rows.contains("request-approved|" + user + "@corp.local|SENT|0"));
        String after = RequestDriver.await(
                () -> admin.get("admin/mailbox.xhtml").body(), page -> page.contains("was approved"));
        assertTrue(
                Pattern.compile(
                                "data-mail=\"\\d+\">((?!</tr>).)*" + user + "@corp\\.local((?!</tr>).)*was approved",
                                Pattern.DOTALL)
                        .matcher(after)
                        .find(),
                "the employee's approval mail in the demo mailbox: " + after);
    }
}
