package io.afterhours.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session for the portal without a browser: its own cookies, no automatic redirects, and forms
 * posted the way the real page would post them (the ViewState and PrimeFaces' CSP nonce read from the page).
 *
 * <p>The cookie jar sends {@code Secure} cookies over plain HTTP too, as a TLS-terminating proxy in front of the
 * portal would make them arrive: the PostgreSQL pass runs the HTTPS configuration behind such a proxy.
 */
final class PortalSession {

    static final String DEMO_PASSWORD = "afterhours";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static final Pattern RETURN_TO = Pattern.compile("name=\"signin:returnTo\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    PortalSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
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
        String fields = "signin=signin&signin%3Aaccount=" + encode(account) + "&signin%3Apassword=" + encode(password)
                + "&signin%3Asubmit="
                + (returnTo.find()
                        ? "&signin%3AreturnTo=" + encode(returnTo.group(1).replace("&amp;", "&"))
                        : "");
        return post("login.xhtml", fields + pageTokens(page), false);
    }

    /** Signs in and fails the test if the portal did not accept it. */
    PortalSession signedInAs(String account) {
        HttpResponse<String> response = signIn(account, DEMO_PASSWORD);
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("login.xhtml")) {
            throw new AssertionError("Sign-in as " + account + " refused: " + response.statusCode() + " "
                    + response.headers().map());
        }
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    /** Opens {@code path} with this session's cookies and hands back the body unread, to consume as a stream. */
    HttpResponse<java.io.InputStream> stream(String path) {
        return send(
                HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * Clicks a command component of a page as the browser would: {@code component} is its client id
     * ({@code form:button}); with {@code ajax} it is a PrimeFaces partial request. {@code page} is the page's HTML
     * (its ViewState and nonce are posted) or null to post a made-up ViewState, as a forger would.
     */
    HttpResponse<String> click(String path, String page, String component, boolean ajax) {
        String form = component.substring(0, component.indexOf(':'));
        String fields = encode(form) + "=" + encode(form) + "&" + encode(component) + "=" + encode(component);
        if (ajax) {
            fields += "&jakarta.faces.partial.ajax=true&jakarta.faces.source=" + encode(component)
                    + "&jakarta.faces.partial.execute=" + encode(component) + "&jakarta.faces.partial.render="
                    + encode(form);
        }
        String tokens = page == null ? "&jakarta.faces.ViewState=" + encode("-1234567890:987654321") : pageTokens(page);
        return post(path, fields + tokens, ajax);
    }

    /**
     * Fills in a form and presses one of its AJAX buttons ({@code form:button}) on {@code page}, processing and
     * re-rendering the whole form as the PrimeFaces pages do. {@code fields} alternates field ids and values.
     */
    HttpResponse<String> submit(String path, String page, String button, String... fields) {
        String form = button.substring(0, button.indexOf(':'));
        StringBuilder body = new StringBuilder(encode(form) + "=" + encode(form));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        body.append("&jakarta.faces.partial.ajax=true&jakarta.faces.source=")
                .append(encode(button))
                .append("&jakarta.faces.partial.execute=")
                .append(encode(form))
                .append("&jakarta.faces.partial.render=")
                .append(encode(form))
                .append('&')
                .append(encode(button))
                .append('=')
                .append(encode(button))
                .append(pageTokens(page));
        return post(path, body.toString(), true);
    }

    HttpResponse<String> post(String path, String form, boolean ajax) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        return send(request.build());
    }

    /** The value of a cookie the portal set, if any. */
    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Replaces a cookie, as an attacker who planted or stole it would. */
    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** The ViewState and, when the page has one, the PrimeFaces CSP nonce its script adds to every post. */
    static String pageTokens(String page) {
        Matcher nonce = NONCE.matcher(page);
        return "&jakarta.faces.ViewState=" + encode(viewState(page))
                + (nonce.find() ? "&primefaces.nonce=" + encode(nonce.group(1)) : "");
    }

    static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("No ViewState on the page");
        }
        return matcher.group(1).replace("&#58;", ":");
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            withCookies.header("Cookie", header.toString());
        }
        try {
            HttpResponse<T> response = http.send(withCookies.build(), body);
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = pair.substring(0, equals).strip();
        String lower = setCookie.toLowerCase(Locale.ROOT);
        if (lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
            cookies.remove(name);
        } else {
            cookies.put(name, pair.substring(equals + 1).strip());
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
