package io.afterhours.it;

import static io.afterhours.it.ItSupport.runId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The history page in a real browser: an auditor filters to one person and downloads that view as CSV with the
 * browser's own session; a manager sees their team's entries and nobody else's.
 */
@ExtendWith(ArquillianExtension.class)
class HistoryUiIT extends BrowserTest {

    private static final String MATHILDE = "cn=Mathilde Dubois,ou=users,dc=corp,dc=local";

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.deployment();
    }

    private static void concerning(URI base, String account, String action) {
        HttpResponse<String> added = ItSupport.post(
                base,
                "api/it-probe/history/concerning?account=" + account + "&action=" + action,
                "text/plain",
                new byte[0]);
        assertEquals(200, added.statusCode(), added.body());
    }

    private static List<String> peopleInTable() {
        return browser.findElements(By.cssSelector("#table\\:history_data [data-person]")).stream()
                .map(e -> e.getAttribute("data-person"))
                .distinct()
                .sorted()
                .toList();
    }

    private static void search(String field, String value) {
        WebElement input = browser.findElement(By.id("filters:" + field));
        input.clear();
        input.sendKeys(value);
        WebElement table = browser.findElement(By.id("table:history"));
        browser.findElement(By.id("filters:search")).click();
        chromium.await().until(ExpectedConditions.stalenessOf(table));
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("table:history")));
    }

    @Test
    void anAuditorFiltersToOnePersonAndExportsThatViewAsCsv() throws Exception {
        URI base = ItSupport.loopback(deploymentUrl);
        String user = "hui" + runId();
        DemoDirectory.addEmployee(base, user, MATHILDE);
        long request = new RequestDriver(base).askAhead(new PortalSession(base).signedInAs(user), 60, "csv");
        concerning(base, user, "it.ui.one");
        concerning(base, "pmartin", "it.ui.other");

        chromium.signIn(base, "aauditor");
        browser.findElement(By.id("nav-history")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("filters:person")));
        search("person", user);

        assertEquals(List.of(user), peopleInTable());
        assertTrue(
                browser.findElement(By.id("table:history")).getText().contains("request " + request),
                "the request entry is listed and linked");
        String href = browser.findElement(By.id("filters:export")).getAttribute("href");
        assertTrue(href.contains("history.csv?person=" + user), href);
        // Fields and the export link line up with the buttons (a stylesheet rule once made each field 10rem tall).
        int button = browser.findElement(By.id("filters:search")).getSize().getHeight();
        assertTrue(
                browser.findElement(By.id("filters:person")).getSize().getHeight() <= button + 4,
                "a filter field no taller than a button");
        assertEquals(
                button, browser.findElement(By.id("filters:export")).getSize().getHeight(), "the export link");

        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        byte[] bytes = download.body();
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 BOM");
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertTrue(lines[0].startsWith("seq,when ("), lines[0]);
        assertTrue(lines.length >= 3, "the request's entry and the probe's: " + lines.length);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].endsWith("," + user), lines[i]);
        }
        assertTrue(List.of(lines).stream().anyMatch(l -> l.contains(",request.opened,request " + request + ",")));
        assertFalse(List.of(lines).stream().anyMatch(l -> l.contains("it.ui.other")));
    }

    @Test
    void aNewSearchShowsItsFirstPageEvenWhenAnotherPageWasOpen() {
        URI base = ItSupport.loopback(deploymentUrl);
        String action = "it.paging" + runId();
        for (int i = 0; i < 30; i++) {
            concerning(base, "pmartin", action);
        }
        chromium.signIn(base, "aauditor");
        browser.findElement(By.id("nav-history")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("filters:action")));
        search("action", action);
        assertTrue(pageReport().startsWith("1–25 of 30"), pageReport());

        browser.findElement(By.cssSelector("#table\\:history .ui-paginator-next"))
                .click();
        chromium.await().until(driver -> pageReport().startsWith("26–30"));
        search("action", action);

        assertTrue(pageReport().startsWith("1–25 of 30"), "the new search opens on its first page: " + pageReport());
        assertEquals(
                25,
                browser.findElements(By.cssSelector("#table\\:history_data tr[data-ri]"))
                        .size());
    }

    private static String pageReport() {
        return browser.findElement(By.cssSelector("#table\\:history .ui-paginator-current"))
                .getText();
    }

    @Test
    void aManagerSeesTheirTeamsEntriesOnly() {
        URI base = ItSupport.loopback(deploymentUrl);
        String action = "it.team" + runId();
        concerning(base, "pmartin", action);
        concerning(base, "zlefevre", action);
        concerning(base, "jalvarez", action);

        chromium.signIn(base, "mdubois");
        browser.findElement(By.id("nav-history")).click();
        chromium.await().until(ExpectedConditions.presenceOfElementLocated(By.id("filters:action")));
        search("action", action);

        assertEquals(List.of("pmartin", "zlefevre"), peopleInTable());

        search("person", "jalvarez");
        assertEquals(List.of(), peopleInTable());
    }
}
