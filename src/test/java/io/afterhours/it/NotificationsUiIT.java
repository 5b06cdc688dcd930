package io.afterhours.it;

import static io.afterhours.it.ItSupport.PRIMARY_ID;
import static io.afterhours.it.ItSupport.notification;
import static io.afterhours.it.ItSupport.postJson;
import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's Notifications page in a real browser (Debian's Chromium): a notification posted with curl-like
 * HTTP shows up, the filters narrow the lazy table on the server, the raw JSON opens with the ID redacted, and
 * hostile user names render as text (reliability.md B16 on this page).
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsUiIT extends BrowserTest {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @Test
    void theBrowserEnforcesThePolicyAndTheViolationCheckSeesIt() {
        browser.get(ItSupport.loopback(deploymentUrl).resolve("login.xhtml").toString());

        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = 1;';"
                        + " document.body.appendChild(s);");

        assertEquals(
                null,
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.injected;"),
                "an inline script without the nonce did not run");
        List<String> logged = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .toList();
        assertTrue(logged.stream().anyMatch(m -> m.contains("Content Security Policy")), logged.toString());
    }

    @Test
    void showsFiltersAndOpensANotification() throws IOException {
        URI base = ItSupport.loopback(deploymentUrl);
        String marker = "ui-" + runId();
        assertEquals(200, postJson(base, notification(marker).json()).statusCode());
        assertEquals(200, postJson(base, notification(marker + "-other").json()).statusCode());

        signIn(base, "aadmin");
        browser.get(base.resolve("admin/notifications.xhtml").toString());
        search(marker);

        List<WebElement> rows = resultRows();
        assertEquals(2, rows.size(), "both users contain the marker");
        assertTrue(
                rows.get(0).getText().contains("CORP\\" + marker), rows.get(0).getText());
        assertTrue(
                rows.get(0).getText().contains("Out-of-hours denial"),
                rows.get(0).getText());

        search(marker + "-other");
        assertEquals(1, resultRows().size());

        resultRows().get(0).findElement(By.cssSelector("button[id$=':raw']")).click();
        WebElement raw = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("rawJson")));
        wait(browser).until(ExpectedConditions.textToBePresentInElement(raw, marker));
        assertTrue(raw.getText().contains("[redacted]"), raw.getText());
        assertFalse(raw.getText().toLowerCase(Locale.ROOT).contains(PRIMARY_ID), raw.getText());
        screenshot("notifications");
    }

    @Test
    void rendersHostileUserNamesAsText() {
        URI base = ItSupport.loopback(deploymentUrl);
        String marker = "xss-" + runId();
        String hostile = marker + "\"><img src=x id=injected onerror=alert(1)><script>alert(2)</script>";
        assertEquals(200, postJson(base, notification(hostile).json()).statusCode());

        signIn(base, "aadmin");
        browser.get(base.resolve("admin/notifications.xhtml").toString());
        search(marker);

        List<WebElement> rows = resultRows();
        assertEquals(1, rows.size());
        assertTrue(
                rows.get(0).getText().contains("<img src=x id=injected"),
                rows.get(0).getText());
        assertTrue(browser.findElements(By.id("injected")).isEmpty(), "no element was injected");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    @Test
    void showsEachPersonTheirMenuAndRefusesAdministrationToOthers() {
        URI base = ItSupport.loopback(deploymentUrl);

        signIn(base, "aadmin");
        assertFalse(browser.findElements(By.id("nav-notifications")).isEmpty(), "administrators see Notifications");

        signIn(base, "mdubois");
        assertEquals("mdubois", browser.findElement(By.id("whoami")).getText());
        assertTrue(browser.findElements(By.id("nav-notifications")).isEmpty(), "a manager is not an administrator");
        browser.findElement(By.id("nav-team")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("team")));
        List<String> team = browser.findElements(By.cssSelector("a.ah-member")).stream()
                .map(WebElement::getText)
                .toList();
        assertTrue(team.containsAll(List.of("Paul Martin", "Zoë Lefèvre", "山田 太郎")), team.toString());
        assertFalse(team.contains("José Álvarez"), "only the manager's own reports: " + team);
        browser.findElement(By.linkText("Zoë Lefèvre")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("approver"), "Mathilde Dubois"));

        signIn(base, "zlefevre");
        assertTrue(browser.findElements(By.id("nav-team")).isEmpty(), "an employee without reports has no team");
        browser.get(base.resolve("admin/notifications.xhtml").toString());
        assertTrue(browser.findElements(By.id("table:notifications")).isEmpty(), "no notifications for employees");
        assertTrue(browser.getPageSource().contains("403"), browser.getPageSource());
    }

    @Test
    void signingOutEndsTheSessionAndBackDoesNotResumeIt() {
        URI base = ItSupport.loopback(deploymentUrl);
        signIn(base, "aadmin");
        browser.get(base.resolve("admin/notifications.xhtml").toString());
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("table:notifications")));

        browser.findElement(By.id("session:signout")).click();
        wait(browser).until(ExpectedConditions.urlContains("login.xhtml?signedOut=true"));
        browser.navigate().back();

        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("signin:account")));
        assertTrue(browser.findElements(By.id("table:notifications")).isEmpty(), "the page is not shown again");
        browser.get(base.resolve("admin/notifications.xhtml").toString());
        assertFalse(browser.findElements(By.id("signin:account")).isEmpty(), "asked to sign in again");
        assertTrue(browser.findElements(By.id("table:notifications")).isEmpty(), "no data without a session");
    }

    private void signIn(URI base, String account) {
        chromium.signIn(base, account);
    }

    private void search(String user) {
        WebElement input = browser.findElement(By.id("filters:user"));
        input.clear();
        input.sendKeys(user);
        browser.findElement(By.id("filters:search")).click();
        wait(browser)
                .until(driver -> resultRows().stream().allMatch(r -> r.getText().contains(user))
                        && !resultRows().isEmpty());
    }

    private List<WebElement> resultRows() {
        return browser.findElements(By.cssSelector("#table\\:notifications_data tr[data-ri]"));
    }

    private static WebDriverWait wait(WebDriver driver) {
        return chromium.await();
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("afterhours.it.buildDirectory", "target"), "screenshots");
        Files.createDirectories(dir);
        File png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
