package io.afterhours.it;

import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The outbox in a real browser: an administrator finds a request's mail, opens it, and reads the rendered HTML part
 * inside its sandboxed frame, where a hostile reason stays text and nothing runs.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxUiIT extends BrowserTest {

    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    @Test
    void anAdministratorOpensAMailAndReadsItRenderedInItsSandbox() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String user = "obxui" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long request = new RequestDriver(base)
                .askAhead(new PortalSession(base).signedInAs(user), 60, "<img src=x id=injected onerror=alert(1)>");

        chromium.signIn(base, "aadmin");
        browser.findElement(By.id("nav-admin")).click(); // the Administration menu unfolds
        browser.findElement(By.id("nav-outbox")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("counts")));
        browser.get(base.resolve("admin/outbox.xhtml?request=" + request).toString());
        WebElement row = chromium.await()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#table\\:outbox_data tr[data-ri]")));
        assertTrue(row.getText().contains("Extension request from Test " + user), row.getText());
        assertTrue(row.getText().contains("mdubois@corp.local"), row.getText());

        row.findElement(By.cssSelector("a[id$=':open']")).click();
        WebElement frame = chromium.await()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.ah-mail-frame")));
        assertEquals("allow-popups allow-popups-to-escape-sandbox", frame.getAttribute("sandbox"));
        screenshot("outbox-mail");
        browser.switchTo().frame(frame);
        String rendered = chromium.await()
                .until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")))
                .getText();
        assertTrue(rendered.contains("Test " + user), rendered);
        assertTrue(rendered.contains("<img src=x id=injected onerror=alert(1)>"), "the reason is text: " + rendered);
        assertTrue(browser.findElements(By.id("injected")).isEmpty(), "no element was injected in the mail");
        browser.switchTo().defaultContent();
        assertTrue(browser.findElements(By.id("injected")).isEmpty(), "nor in the page");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    private static void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("afterhours.it.buildDirectory", "target"), "screenshots");
        Files.createDirectories(dir);
        File png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
