package io.afterhours.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards the administrator pages until directory sign-in arrives (issue 3). Without a configured password they are
 * served to loopback clients only, and not when the request came through a proxy (a local reverse proxy would make
 * every visitor look local). With {@code AFTERHOURS_ADMIN_PASSWORD} set, HTTP Basic with that password is required
 * from everywhere, loopback included.
 */
@WebFilter(urlPatterns = "/admin/*")
public class AdminAccessFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "afterhours.admin.user")
    String adminUser;

    @Inject
    @ConfigProperty(name = "afterhours.admin.password")
    Optional<String> adminPassword;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (adminPassword.filter(p -> !p.isBlank()).isPresent()) {
            if (hasValidCredential(request.getHeader("Authorization"))) {
                chain.doFilter(request, response);
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Afterhours administration\", charset=\"UTF-8\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        if (isDirectLoopback(request)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(
                    HttpServletResponse.SC_FORBIDDEN,
                    "Administration is available from this machine only, unless AFTERHOURS_ADMIN_PASSWORD is set.");
        }
    }

    static boolean isDirectLoopback(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    boolean hasValidCredential(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String expected = adminUser + ":" + adminPassword.orElseThrow();
        return MessageDigest.isEqual(digest(decoded), digest(expected));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
