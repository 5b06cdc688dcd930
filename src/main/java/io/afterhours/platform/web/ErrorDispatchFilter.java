package io.afterhours.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * An error page (403, 404, 500) is a page of its own. When the failed request was a form post, Faces would otherwise
 * take the error page for a postback of the posted view, fail to restore it and turn a clear 403 into an "out of
 * date" redirect. So on the error dispatch the page sees a plain GET: no form fields, no AJAX header.
 */
public class ErrorDispatchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Request attribute: the method of the request that failed, for the audit of a refusal. */
    public static final String FAILED_METHOD = "afterhours.failedMethod";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(FAILED_METHOD, request.getMethod());
        chain.doFilter(new PlainGet(request), response);
    }

    static final class PlainGet extends HttpServletRequestWrapper {

        PlainGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return isFacesAjax(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isFacesAjax(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        private static boolean isFacesAjax(String header) {
            return "Faces-Request".equalsIgnoreCase(header);
        }
    }
}
