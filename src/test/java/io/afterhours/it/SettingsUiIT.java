package io.afterhours.it;

import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The UserLock IDs page in a real browser with the content security policy enforced (issue 7): an administrator
 * rotates the Primary ID with an overlap, and the webhook keeps accepting the old ID until the overlap ends, then
 * refuses it; the page never shows more than the last four characters. An administrator adds, edits and deletes an
 * auto-approval rule on its page.
 */
@ExtendWith(ArquillianExtension.class)
class SettingsUiIT extends BrowserTest {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @Test
    void anAdministratorRotatesTheUserLockIdAndTheOldOneWorksUntilTheOverlapEnds() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String marker = "ui" + ItSupport.runId();
        String oldId = UUID.randomUUID().toString();
        String newId = UUID.randomUUID().toString();

        chromium.signIn(base, "aadmin");
        browser.findElement(By.id("nav-admin")).click(); // the Administration menu unfolds
        browser.findElement(By.id("nav-userlock-ids")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("rotate:save")));
        rotate(oldId, "PT0S");
        assertEquals(200, webhook(base, oldId, marker + "-1"), "the first portal ID is accepted");

        rotate(newId, "PT8S");
        long overlapEnds = System.nanoTime() + 8_000_000_000L;
        String listed = browser.findElement(By.id("ids:list")).getText();
        assertTrue(listed.contains("…" + oldId.substring(32)) && listed.contains("Outgoing, still accepted"), listed);
        assertTrue(listed.contains("…" + newId.substring(32)), listed);
        assertFalse(browser.getPageSource().contains(newId), "the new ID is never shown back");
        screenshot("userlock-ids-overlap");
        assertEquals(200, webhook(base, oldId, marker + "-2"), "the old ID during the overlap");
        assertEquals(200, webhook(base, newId, marker + "-3"), "the new ID at once");

        while (System.nanoTime() < overlapEnds + 500_000_000L) {
            Thread.sleep(250);
        }
        assertEquals(401, webhook(base, oldId, marker + "-4"), "the old ID after the overlap");
        assertEquals(200, webhook(base, newId, marker + "-5"));
        browser.findElement(By.id("ids:refresh")).click();
        chromium.await()
                .until(ExpectedConditions.not(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("ids:list"), oldId.substring(32))));
        String after = browser.findElement(By.id("ids:list")).getText();
        String newRow =
                after.substring(after.indexOf("…" + newId.substring(32))).split("\n(Primary|Backup) ")[0];
        assertFalse(newRow.contains("Not yet"), "the new ID was seen: " + after);
        screenshot("userlock-ids-after");
    }

    @Test
    void anAdministratorAddsEditsAndDeletesAnAutoApprovalRuleInTheBrowser() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String id = ItSupport.runId();
        String group = "IT-UiRule-" + id;
        String name = "ui-" + id;
        DemoDirectory.addGroup(base, group);
        try {
            chromium.signIn(base, "aadmin");
            browser.findElement(By.id("nav-admin")).click();
            browser.findElement(By.id("nav-auto-approval")).click();
            chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("rule:save")));
            type("rule:name", name);
            type("rule:group", group);
            type("rule:maxDuration", "PT45M");
            type("rule:maxPerMonth", "2");
            browser.findElement(By.id("rule:save")).click();
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules:list"), name));
            String listed = browser.findElement(By.id("rules:list")).getText();
            assertTrue(listed.indexOf("it-short") < listed.indexOf(name), "configuration first: " + listed);
            assertTrue(listed.contains("Configuration (read-only here)"), listed);
            assertTrue(listed.contains("PT45M"), listed);
            screenshot("auto-approval-added");

            WebElement row = browser.findElement(By.xpath("//span[@data-rule='" + name + "']/ancestor::tr"));
            row.findElement(By.xpath(".//button[contains(@id,':edit')]")).click();
            chromium.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule"), "Change the rule"));
            assertFalse(browser.findElement(By.id("rule:name")).isEnabled(), "the name cannot change");
            type("rule:maxDuration", "PT30M");
            browser.findElement(By.id("rule:save")).click();
            chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules:list"), "PT30M"));
            assertTrue(
                    browser.findElement(By.id("rule")).getText().contains("Add a rule"), "the form is for a new rule");

            row = browser.findElement(By.xpath("//span[@data-rule='" + name + "']/ancestor::tr"));
            row.findElement(By.xpath(".//button[contains(@id,':delete')]")).click();
            chromium.await()
                    .until(ExpectedConditions.not(
                            ExpectedConditions.textToBePresentInElementLocated(By.id("rules:list"), name)));
            assertTrue(browser.findElement(By.id("rules:messages")).getText().contains("Rule deleted."));
        } finally {
            SettingsIT.deleteRule(new PortalSession(base).signedInAs("aadmin"), name);
        }
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private static void rotate(String id, String overlap) {
        WebElement input = browser.findElement(By.id("rotate:newId"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(id);
        WebElement keep = browser.findElement(By.id("rotate:overlap"));
        keep.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        keep.sendKeys(overlap);
        browser.findElement(By.id("rotate:save")).click();
        chromium.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("ids:list"), "…" + id.substring(32)));
        chromium.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("rotate:problems"), "New UserLock ID"));
    }

    private static int webhook(URI base, String id, String computer) {
        return postJson(
                        base,
                        notification("u" + computer)
                                .withId(id)
                                .withComputer(computer)
                                .json())
                .statusCode();
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("afterhours.it.buildDirectory", "target"), "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
