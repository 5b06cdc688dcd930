package io.afterhours.notification.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeMailFrameTest {

    @Test
    void theMailIsAnAttributeValueThatCannotCloseTheFrameOrStartMarkup() {
        String frame = SafeMailFrame.of("<p onclick=\"x()\">a & b</p>\"><script>alert(1)</script>", "Subject");

        String srcdoc = frame.substring(frame.indexOf("srcdoc=\"") + 8, frame.lastIndexOf("\"></iframe>"));
        assertFalse(srcdoc.contains("\""), srcdoc);
        assertFalse(srcdoc.contains("<"), srcdoc);
        assertTrue(srcdoc.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), srcdoc);
        assertTrue(srcdoc.contains("a &amp; b"), srcdoc);
        assertEquals(1, frame.split("<iframe", -1).length - 1);
    }

    @Test
    void escapedTextInTheMailStaysEscapedInsideTheFrame() {
        String frame = SafeMailFrame.of("Close &lt;script&gt;", "s");

        assertTrue(frame.contains("Close &amp;lt;script&amp;gt;"), frame);
    }

    @Test
    void theSandboxAllowsNoScriptAndNoSameOriginAndTheMailLoadsNothing() {
        String frame = SafeMailFrame.of("<img src=\"https://tracker.example/p.gif\">", "s");

        String sandbox = frame.substring(frame.indexOf("sandbox=\"") + 9);
        sandbox = sandbox.substring(0, sandbox.indexOf('"'));
        assertFalse(sandbox.contains("allow-scripts"), sandbox);
        assertFalse(sandbox.contains("allow-same-origin"), sandbox);
        assertTrue(frame.contains("Content-Security-Policy"), frame);
        assertTrue(SafeMailFrame.MAIL_POLICY.startsWith("default-src 'none'"));
    }

    @Test
    void theTitleIsEscapedToo() {
        assertTrue(SafeMailFrame.of("", "a\"b<c").contains("title=\"a&quot;b&lt;c\""));
    }
}
