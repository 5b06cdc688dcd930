package io.afterhours.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortalAddressTest {

    @Test
    void joinsWithExactlyOneSlashWhateverTheOperatorWrote() {
        assertEquals("https://h/x/request.xhtml?id=4", PortalAddress.page("https://h/x", "request.xhtml?id=4"));
        assertEquals("https://h/x/request.xhtml?id=4", PortalAddress.page("https://h/x/", "request.xhtml?id=4"));
        assertEquals("https://h/decide.xhtml", PortalAddress.page("https://h/", "/decide.xhtml"));
        assertEquals("https://h/decide.xhtml", PortalAddress.page("https://h", "/decide.xhtml"));
    }
}
