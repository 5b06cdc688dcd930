package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The Working hours page in a real browser with the content security policy enforced: an administrator writes a
 * group override with two frames, is told what is wrong first, then saves it and sees it listed with its hours.
 */
@ExtendWith(ArquillianExtension.class)
class HoursUiIT extends BrowserTest {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @Test
    void anAdministratorWritesAGroupOverride() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String group = "Ui-" + ItSupport.runId();

        chromium.signIn(base, "aadmin");
        browser.findElement(By.id("nav-admin")).click(); // the Administration menu unfolds
        browser.findElement(By.id("nav-hours")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("policies:create")));
        browser.findElement(By.id("policies:create")).click();
        chromium.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:name")));
        browser.findElement(By.id("edit:name")).sendKeys("Late support");
        browser.findElement(By.id("edit:group")).sendKeys(group);
        type(browser.findElement(By.id("edit:zone")), "America/New_York");
        browser.findElement(By.id("edit:add")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("edit:frames:1:start")));
        // The second frame as added (Monday 08:00-19:00) overlaps the first: refused, with the reason.
        browser.findElement(By.id("edit:save")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("edit:problems"), "overlap"));
        screenshot("hours-problems");

        type(browser.findElement(By.id("edit:frames:1:start")), "19:00");
        type(browser.findElement(By.id("edit:frames:1:end")), "23:00");
        browser.findElement(By.id("edit:save")).click();
        chromium.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("policies:messages"), "saved"));
        String listed = browser.findElement(By.id("policies:list")).getText();
        assertTrue(
                listed.contains(group) && listed.contains("Mon 08:00–19:00, 19:00–23:00 (America/New_York)"), listed);
        screenshot("hours-list");
    }

    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("afterhours.it.buildDirectory", "target"), "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
