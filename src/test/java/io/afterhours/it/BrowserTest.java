package io.afterhours.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/**
 * What every browser test shares: one Chromium per test class, and after every test the check that the pages ran
 * with the content security policy enforced and the browser reported no violation (P6).
 */
abstract class BrowserTest {

    static Chromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.driver;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        List<String> violations = chromium.cspViolations();
        assertTrue(violations.isEmpty(), violations.toString());
    }
}
