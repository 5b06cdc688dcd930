package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The manager's journey from the mail, in Chromium on a phone-sized screen: the link from the mail GreenMail received
 * asks her to sign in, comes back to the confirmation page with her choice made, fits the screen, and only her press
 * decides.
 */
@ExtendWith(ArquillianExtension.class)
class DecisionLinksUiIT extends BrowserTest {

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
        smtp.start();
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    void theManagerApprovesFromTheLinkInHerMailAfterSigningIn() throws Exception {
        String user = "uilink" + ItSupport.runId();
        long id = askedBy(user);
        String approve = linkFromTheMail(id, "approve");

        openSignedOut(approve);
        signInOnTheForm("mdubois");
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("decide:approve")));
        assertTrue(browser.findElement(By.id("request")).getText().contains("Links " + user));
        assertTrue(driver.row(user, id).contains("|PENDING|"), "opening decided nothing");
        assertNoHorizontalScroll();
        choose("Approve for less");
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("decide:approveUntil")));
        assertNoHorizontalScroll();
        choose("Approve");
        chromium.await().until(ExpectedConditions.elementToBeClickable(By.id("decide:approve")));
        browser.findElement(By.id("decide:approve")).click();

        chromium.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("decide:messages"), "Request " + id + " approved."));
        assertTrue(browser.findElement(By.id("state")).getText().contains("Approved"));
        assertTrue(driver.row(user, id).contains("|APPROVED|"), driver.row(user, id));
    }

    @Test
    void theManagerDeniesWithAReasonFromTheDenyLink() throws Exception {
        String user = "uilink" + ItSupport.runId();
        long id = askedBy(user);
        String deny = linkFromTheMail(id, "deny");

        openSignedOut(deny);
        signInOnTheForm("mdubois");
        chromium.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("decide:denyReason")))
                .sendKeys("Not during the freeze");
        browser.findElement(By.id("decide:deny")).click();

        chromium.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("decide:messages"), "Request " + id + " denied."));
        assertTrue(driver.row(user, id).contains("|DENIED|"), driver.row(user, id));
        assertTrue(driver.audit("request.denied").contains("Not during the freeze"));
    }

    /** Presses one of the choices above the buttons (it only changes which buttons show). */
    private void choose(String label) {
        browser.findElement(By.xpath("//div[@id='decide:choice']//span[text()='" + label + "']/.."))
                .click();
    }

    private void assertNoHorizontalScroll() {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertEquals(0L, ((Number) overflow).longValue() > 0 ? overflow : 0L, "no horizontal scrolling at 390 px");
    }

    private long askedBy(String user) throws Exception {
        DemoDirectory.addEmployee(base, user, DecisionLinksIT.MATHILDE);
        return driver.askAhead(new PortalSession(base).signedInAs(user), 90, "Links " + user);
    }

    /** The link of this action in the HTML part of the manager's mail, on the server under test. */
    private String linkFromTheMail(long id, String action) throws Exception {
        Multipart parts = (Multipart) MailLinks.awaitMailAbout(smtp, id).getContent();
        List<String> links = MailLinks.inHtml((String) parts.getBodyPart(1).getContent());
        String link = links.stream()
                .filter(l -> l.endsWith("&a=" + action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " link in " + links));
        return base.resolve(MailLinks.path(link)).toString();
    }

    private void openSignedOut(String link) {
        browser.manage().deleteAllCookies();
        browser.get(link);
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("signin:account")));
    }

    private void signInOnTheForm(String account) {
        browser.findElement(By.id("signin:account")).sendKeys(account);
        browser.findElement(By.id("signin:password")).sendKeys(PortalSession.DEMO_PASSWORD);
        browser.findElement(By.id("signin:submit")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), account));
        assertEquals(true, browser.getCurrentUrl().contains("decide.xhtml?t="), browser.getCurrentUrl());
    }
}
