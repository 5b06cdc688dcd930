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
 * PrimeFaces form, and her manager approves it for less on a phone-sized screen, without horizontal scrolling.
 */
@ExtendWith(ArquillianExtension.class)
class RequestsUiIT extends BrowserTest {

    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
