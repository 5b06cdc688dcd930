package io.afterhours.platform.web;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may open the administrator pages before directory sign-in exists. */
class AdminAccessFilterTest {

    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final FilterChain chain = mock(FilterChain.class);

    private static AdminAccessFilter filter(String password) {
        AdminAccessFilter filter = new AdminAccessFilter();
        filter.adminUser = "admin";
        filter.adminPassword = Optional.ofNullable(password);
        return filter;
    }

    private static String basic(String credential) {
        return "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
    }

    private void passed() throws Exception {
        verify(chain).doFilter(request, response);
        verify(response, never()).sendError(anyInt());
        verify(response, never()).sendError(anyInt(), anyString());
    }

    private void refused(int status) throws Exception {
        verify(chain, never()).doFilter(request, response);
        verify(response).sendError(eq(status), anyString());
    }

    private void challenged() throws Exception {
        verify(chain, never()).doFilter(request, response);
        verify(response).setHeader(eq("WWW-Authenticate"), startsWith("Basic realm="));
        verify(response).sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    // ---------------------------------------------------------------- no password: loopback only

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1"})
    void loopbackIsAllowedWithoutPassword(String address) throws Exception {
        when(request.getRemoteAddr()).thenReturn(address);

        filter(null).doFilter(request, response, chain);

        passed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "192.168.1.20", "8.8.8.8", "fe80::1", "::ffff:10.0.0.5", "0.0.0.0"})
    void otherAddressesAreForbiddenWithoutPassword(String address) throws Exception {
        when(request.getRemoteAddr()).thenReturn(address);

        filter(null).doFilter(request, response, chain);

        refused(HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    void loopbackThroughAProxyIsForbidden() throws Exception {
        when(request.getRemoteAddr()).thenReturn("127.0.0.1");
        when(request.getHeader("X-Forwarded-For")).thenReturn("203.0.113.9");

        filter(null).doFilter(request, response, chain);

        refused(HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    void loopbackWithAStandardForwardedHeaderIsForbidden() throws Exception {
        when(request.getRemoteAddr()).thenReturn("::1");
        when(request.getHeader("Forwarded")).thenReturn("for=203.0.113.9");

        filter(null).doFilter(request, response, chain);

        refused(HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    void blankPasswordCountsAsNoPassword() throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");
        when(request.getHeader("Authorization")).thenReturn(basic("admin:"));

        filter("  ").doFilter(request, response, chain);

        refused(HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    void credentialIsIgnoredWhenNoPasswordIsConfigured() throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");
        when(request.getHeader("Authorization")).thenReturn(basic("admin:anything"));

        filter(null).doFilter(request, response, chain);

        refused(HttpServletResponse.SC_FORBIDDEN);
    }

    // ---------------------------------------------------------------- with a password: HTTP Basic from everywhere

    @Test
    void missingCredentialIsChallenged() throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");

        filter("s3cret").doFilter(request, response, chain);

        challenged();
    }

    @Test
    void loopbackNeedsTheCredentialTooOnceAPasswordIsSet() throws Exception {
        when(request.getRemoteAddr()).thenReturn("127.0.0.1");

        filter("s3cret").doFilter(request, response, chain);

        challenged();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "admin:wrong",
                "admin:s3cret ",
                "admin:S3CRET",
                "Admin:s3cret",
                "root:s3cret",
                "admin",
                ":s3cret",
                "admin:s3cret:x"
            })
    void wrongCredentialIsChallenged(String credential) throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");
        when(request.getHeader("Authorization")).thenReturn(basic(credential));

        filter("s3cret").doFilter(request, response, chain);

        challenged();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic !!!not-base64!!!",
                "Basic ",
                "Basic",
                "Bearer s3cret",
                "s3cret",
                "Digest username=\"admin\""
            })
    void malformedAuthorizationIsChallenged(String header) throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");
        when(request.getHeader("Authorization")).thenReturn(header);

        filter("s3cret").doFilter(request, response, chain);

        challenged();
    }

    @Test
    void bearerWithTheRightCredentialIsNotBasic() throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");
        when(request.getHeader("Authorization"))
                .thenReturn(basic("admin:s3cret").replace("Basic", "Bearer"));

        filter("s3cret").doFilter(request, response, chain);

        challenged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "127.0.0.1", "2001:db8::7"})
    void rightCredentialPassesFromAnyAddress(String address) throws Exception {
        when(request.getRemoteAddr()).thenReturn(address);
        when(request.getHeader("Authorization")).thenReturn(basic("admin:s3cret"));

        filter("s3cret").doFilter(request, response, chain);

        passed();
    }

    @Test
    void rightCredentialPassesThroughAProxy() throws Exception {
        when(request.getRemoteAddr()).thenReturn("127.0.0.1");
        when(request.getHeader("X-Forwarded-For")).thenReturn("203.0.113.9");
        when(request.getHeader("Authorization")).thenReturn(basic("admin:s3cret"));

        filter("s3cret").doFilter(request, response, chain);

        passed();
    }

    @Test
    void schemeIsCaseInsensitive() throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");
        when(request.getHeader("Authorization"))
                .thenReturn(basic("admin:s3cret").replace("Basic", "basic"));

        filter("s3cret").doFilter(request, response, chain);

        passed();
    }

    @Test
    void nonAsciiPasswordIsComparedAsUtf8() throws Exception {
        when(request.getRemoteAddr()).thenReturn("10.0.0.5");
        when(request.getHeader("Authorization")).thenReturn(basic("admin:p\u00e4ss\u5bc6"));

        filter("p\u00e4ss\u5bc6").doFilter(request, response, chain);

        passed();
    }
}
