package io.afterhours.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session for the portal without a browser: its own cookies, no automatic redirects, and sign-in
 * through the real Faces form (the ViewState is read from the page, as a browser would send it).
 */
final class PortalSession {

    static final String DEMO_PASSWORD = "afterhours";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern RETURN_TO = Pattern.compile("name=\"signin:returnTo\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;

    PortalSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Posts the sign-in form; returns the response to the POST (302 on success, the form again on failure). */
    HttpResponse<String> signIn(String account, String password) {
        return signInFrom("login.xhtml", account, password);
    }

    /** Asks for {@code path} first (anonymous: the sign-in form comes back in its place), then signs in there. */
    HttpResponse<String> signInFrom(String path, String account, String password) {
        String page = get(path).body();
        Matcher returnTo = RETURN_TO.matcher(page);
        // PrimeFaces' script adds the page's CSP nonce to every form it posts; a browser would send it too.
        Matcher nonce = NONCE.matcher(page);
        String form = "signin=signin&signin%3Aaccount=" + encode(account) + "&signin%3Apassword=" + encode(password)
                + "&signin%3Asubmit=&jakarta.faces.ViewState=" + encode(viewState(page))
                + (nonce.find() ? "&primefaces.nonce=" + encode(nonce.group(1)) : "")
                + (returnTo.find()
                        ? "&signin%3AreturnTo=" + encode(returnTo.group(1).replace("&amp;", "&"))
                        : "");
        return send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("No ViewState on the page");
        }
        return matcher.group(1).replace("&#58;", ":");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
