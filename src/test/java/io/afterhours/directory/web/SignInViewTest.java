package io.afterhours.directory.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The return address after sign-in is a form field anyone can edit: only paths inside the portal are followed. */
class SignInViewTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example/x",
                "/other-app/page.xhtml",
                "/portal\\evil",
                "/portal/../x",
                "/portal/a<CRLF>Set-Cookie:x",
                "",
                "javascript:alert(1)"
            })
    void refusesAnythingOutsideThePortal(String target) {
        SignInView view = new SignInView();
        view.setReturnTo(target.replace("<CRLF>", "\r\n"));

        assertEquals("/portal/index.xhtml", view.safeReturnTo("/portal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/portal/admin/notifications.xhtml", "/portal/index.xhtml?x=1"})
    void followsPathsInsideThePortal(String target) {
        SignInView view = new SignInView();
        view.setReturnTo(target);

        assertEquals(target, view.safeReturnTo("/portal"));
    }
}
