package io.afterhours.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response of the application (ASVS 5.0 V3.4): no MIME sniffing, no referrer leaving the
 * site, never framed, and HSTS when the request came over HTTPS (directly or through a proxy that says so). Faces
 * pages get their content security policy, with script nonces, from PrimeFaces ({@code primefaces.CSP} in web.xml);
 * every other response (the APIs, error pages, resources) gets a policy that allows nothing to run.
 */
// REQUEST, and also FORWARD and ERROR: the sign-in page is forwarded to by the authentication mechanism and the 403
// page is an error dispatch, both decided before the REQUEST filter chain runs.
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String LOCKED_DOWN_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                    + "object-src 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!isFacesPage(request)) {
            response.setHeader("Content-Security-Policy", LOCKED_DOWN_POLICY);
        }
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    /** Pages PrimeFaces renders (and sets the nonce policy on); static Faces resources are not pages. */
    static boolean isFacesPage(HttpServletRequest request) {
        // On a forward or an error dispatch the servlet path names the page rendered (login.xhtml, forbidden.xhtml).
        boolean dispatched = request.getDispatcherType() != DispatcherType.REQUEST;
        String uri = dispatched ? request.getServletPath() : request.getRequestURI();
        return (uri.endsWith(".xhtml") || uri.endsWith("/")) && !uri.contains("/jakarta.faces.resource/");
    }
}
