package io.afterhours.intake.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Commits the webhook's 401 with an empty body before Payara's error-report valve can fill it with an HTML page:
 * a refused UserLock ID gets nothing to read (reliability.md §2.1, B8). The bridge API (docs/bridge-api.md) answers a
 * missing or wrong token the same way.
 */
@WebFilter(urlPatterns = {"/api/userlock/*", "/api/bridge/*"})
public class EmptyUnauthorizedFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !response.isCommitted()) {
            response.setContentLength(0);
            response.flushBuffer();
        }
    }
}
