package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Requests in a real browser with the content security policy enforced: an employee asks for a window with the
 * PrimeFaces form, and her manager approves it for less on a phone-sized screen, without horizontal scrolling; a
 * manager denies one with a reason and approves three at once; a deputy named on the team page decides.
 */
@ExtendWith(ArquillianExtension.class)
class RequestsUiIT extends BrowserTest {

    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String CLAIRE = "cn=Claire Fontaine,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @Test
    void anEmployeeAsksAndHerManagerApprovesForLessOnAPhone() {
        URI base = ItSupport.loopback(deploymentUrl);
        String reason = "Month-end " + ItSupport.runId();
        // A window on a day of its own, so no earlier run's request overlaps it.
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(ThreadLocalRandom.current().nextInt(1, 13))
                .withHour(ThreadLocalRandom.current().nextInt(0, 20))
                .withMinute(0)
                .withSecond(0)
                .withNano(0);

        chromium.signIn(base, "aivanova");
        browser.findElement(By.id("nav-requests")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("ask:start_input")));
        type(browser.findElement(By.id("ask:start_input")), FORM.format(start));
        type(browser.findElement(By.id("ask:end_input")), FORM.format(start.plusHours(3)));
        browser.findElement(By.id("ask:reason")).sendKeys(reason);
        browser.findElement(By.id("ask:send")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ask:messages"), "was sent"));
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("mine"), reason));

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            chromium.signIn(base, "kbenali");
            browser.findElement(By.id("nav-inbox")).click();
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), reason));
            WebElement row = browser.findElement(By.xpath("//tr[.//text()[contains(., '" + reason + "')]]"));
            assertNoHorizontalScroll();
            row.findElement(By.cssSelector("button[id$=':for60']")).click();
            chromium.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox:messages"), "approved"));
            assertTrue(!browser.findElement(By.id("inbox")).getText().contains(reason), "gone from the inbox");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }

        chromium.signIn(base, "aivanova");
        browser.get(base.resolve("requests.xhtml").toString());
        WebElement mine = browser.findElement(By.xpath("//tr[.//text()[contains(., '" + reason + "')]]"));
        assertTrue(mine.getText().contains("Approved"), mine.getText());
        assertTrue(mine.getText().contains("1 h"), "approved for one hour of the three: " + mine.getText());
    }

    @Test
    void aManagerDeniesOneWithAReasonAndApprovesThreeAtOnce() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String run = ItSupport.runId();
        String boss = "uiboss" + run;
        String bossDn = DemoDirectory.addEmployee(base, boss, CLAIRE);
        RequestDriver driver = new RequestDriver(base);
        String[] workers = new String[4];
        long[] ids = new long[4];
        for (int i = 0; i < 4; i++) {
            workers[i] = "uiw" + i + run;
            DemoDirectory.addEmployee(base, workers[i], bossDn);
            ids[i] = driver.askAhead(new PortalSession(base).signedInAs(workers[i]), 90, "Batch" + i + " " + run);
        }

        chromium.signIn(base, boss);
        browser.findElement(By.id("nav-inbox")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), "Batch3 " + run));
        rowOf("Batch0 " + run)
                .findElement(By.cssSelector("button[id$=':deny']"))
                .click();
        WebElement reason =
                chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("denyForm:reason")));
        reason.sendKeys("Not during the freeze");
        browser.findElement(By.id("denyForm:confirm")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox:messages"), "denied"));
        chromium.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("denyForm:reason")));

        for (int i = 1; i < 4; i++) {
            rowOf("Batch" + i + " " + run)
                    .findElement(By.cssSelector(".ui-chkbox-box"))
                    .click();
        }
        browser.findElement(By.id("inbox:approveSelected")).click();
        chromium.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("inbox:messages"), "3 requests approved."));

        assertTrue(driver.row(workers[0], ids[0]).contains("|DENIED|"));
        assertTrue(driver.audit("request.denied").contains("Not during the freeze"));
        for (int i = 1; i < 4; i++) {
            assertTrue(driver.row(workers[i], ids[i]).contains("|APPROVED|"), driver.row(workers[i], ids[i]));
        }
    }

    @Test
    void aManagerNamesADeputyWhoThenDecides() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String run = ItSupport.runId();
        String boss = "uiboss" + run;
        String worker = "uiw" + run;
        String deputy = "uidep" + run;
        DemoDirectory.addEmployee(base, worker, DemoDirectory.addEmployee(base, boss, CLAIRE));
        DemoDirectory.addEmployee(base, deputy, CLAIRE);

        chromium.signIn(base, boss);
        browser.findElement(By.id("nav-team")).click();
        WebElement who = chromium.await().until(ExpectedConditions.elementToBeClickable(By.id("deputyForm:who_input")));
        who.sendKeys(deputy);
        chromium.await()
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[id='deputyForm:who_panel'] .ui-autocomplete-item")))
                .click();
        browser.findElement(By.id("deputyForm:appoint")).click();
        chromium.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("deputyForm:messages"), deputy + " is your deputy"));
        assertTrue(browser.findElement(By.id("deputyForm:list")).getText().contains("Deciding now"));

        RequestDriver driver = new RequestDriver(base);
        long id = driver.askAhead(new PortalSession(base).signedInAs(worker), 60, "Deputy " + run);
        chromium.signIn(base, deputy);
        browser.findElement(By.id("nav-inbox")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), "Deputy " + run));
        WebElement row = rowOf("Deputy " + run);
        assertTrue(row.getText().contains("as deputy for Test " + boss), row.getText());
        row.findElement(By.cssSelector("button[id$=':approve']")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox:messages"), "approved"));

        assertTrue(driver.row(worker, id).contains("|APPROVED|"));
        assertTrue(driver.audit("request.approved").contains("on behalf of Test " + boss));
    }

    private WebElement rowOf(String text) {
        return browser.findElement(By.xpath("//tr[.//text()[contains(., '" + text + "')]]"));
    }

    private void assertNoHorizontalScroll() {
        Object overflow = ((JavascriptExecutor) chromium.driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertEquals(0L, ((Number) overflow).longValue() > 0 ? overflow : 0L, "no horizontal scrolling at 390 px");
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.ESCAPE, Keys.TAB);
    }
}
