package io.afterhours.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers on every response of the application (ASVS 5.0 V3.4): no MIME sniffing, no referrer leaving the
 * site, never framed, and HSTS when the request came over HTTPS (directly or through a proxy that says so). Faces
 * pages get their content security policy, with script nonces, from PrimeFaces ({@code primefaces.CSP} in web.xml);
 * every other response (the APIs, error pages, resources) gets a policy that allows nothing to run.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";
    static final String LOCKED_DOWN_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                    + "object-src 'none'; form-action 'self'";

    /** The HTTPS configuration ({@code afterhours.web.https}): HSTS on every response, whatever the proxy says. */
    private boolean httpsOnly;

    @Override
    public void init() {
        httpsOnly = SessionCookiePolicy.httpsOnly();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response, httpsOnly);
        boolean facesPage = isFacesPage(request);
        if (!facesPage) {
            response.setHeader(CSP, LOCKED_DOWN_POLICY);
        }
        chain.doFilter(request, facesPage ? new LockedDownRedirects(response) : response);
    }

    private static void apply(HttpServletRequest request, HttpServletResponse response, boolean httpsOnly) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (httpsOnly || request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /**
     * Puts the headers back after something reset the response (a Faces redirect answered instead of a page), with the
     * locked-down policy unless PrimeFaces already set its own.
     */
    public static void reapply(HttpServletRequest request, HttpServletResponse response) {
        apply(request, response, SessionCookiePolicy.httpsOnly());
        lockDown(response);
    }

    /** The locked-down policy on an answer that is not a rendered page (a redirect, a partial-response redirect). */
    public static void lockDown(HttpServletResponse response) {
        if (!response.containsHeader(CSP)) {
            response.setHeader(CSP, LOCKED_DOWN_POLICY);
        }
    }

    /**
     * PrimeFaces sets the page's policy while rendering; a Faces page that answers with a redirect instead (sign-in,
     * sign-out, an out-of-date page) renders nothing, so its redirect gets the locked-down policy. Errors are rendered
     * by Faces pages of their own (403, 404), which carry the nonce policy.
     */
    static final class LockedDownRedirects extends HttpServletResponseWrapper {

        LockedDownRedirects(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            lockDown(this);
            super.sendRedirect(location);
        }
    }

    /** Pages PrimeFaces renders (and sets the nonce policy on); static Faces resources are not pages. */
    static boolean isFacesPage(HttpServletRequest request) {
        // On a forward or an error dispatch the servlet path names the page rendered (login.xhtml, forbidden.xhtml).
        boolean dispatched = request.getDispatcherType() != DispatcherType.REQUEST;
        String uri = dispatched ? request.getServletPath() : request.getRequestURI();
        return (uri.endsWith(".xhtml") || uri.endsWith("/")) && !uri.contains("/jakarta.faces.resource/");
    }
}
