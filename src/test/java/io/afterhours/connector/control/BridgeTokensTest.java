package io.afterhours.connector.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BridgeTokensTest {

    private static final String ONE = "a".repeat(32);
    private static final String TWO = "b".repeat(40);

    @Test
    void everyConfiguredTokenIsAcceptedAsABearerToken() {
        BridgeTokens tokens = new BridgeTokens(ONE + " , " + TWO);

        assertTrue(tokens.accepts("Bearer " + ONE));
        assertTrue(tokens.accepts("bearer " + TWO));
        assertFalse(tokens.accepts(ONE), "not without the scheme");
        assertFalse(tokens.accepts("Bearer " + ONE + "a"));
        assertFalse(tokens.accepts("Bearer " + ONE.substring(1)));
        assertFalse(tokens.accepts("Basic " + ONE));
        assertFalse(tokens.accepts(null));
    }

    @Test
    void noTokensOrOnlyShortOnesCloseTheApi() {
        assertFalse(new BridgeTokens("").accepts("Bearer "));
        assertFalse(new BridgeTokens("short").accepts("Bearer short"));
        assertFalse(new BridgeTokens("x".repeat(31)).accepts("Bearer " + "x".repeat(31)));
    }

    @Test
    void aTokenCreatedInThePortalIsAcceptedUntilRevokedAndItsUseIsRemembered() {
        String issued = "portal-token-0123456789abcdefghijklmnopq";
        BridgeTokens tokens = new BridgeTokens(ONE);
        assertFalse(tokens.accepts("Bearer " + issued));

        tokens.use(java.util.List.of(
                new BridgeTokens.Issued(5, java.util.HexFormat.of().parseHex(BridgeTokens.digestHex(issued)))));

        assertTrue(tokens.accepts("Bearer " + issued));
        assertTrue(tokens.lastUsed(5).isPresent(), "last use kept in memory");
        assertTrue(tokens.accepts("Bearer " + ONE), "the configured token still works");
        assertEquals(1, tokens.configuredCount());

        tokens.use(java.util.List.of());
        assertFalse(tokens.accepts("Bearer " + issued), "refused once revoked");
    }

    @Test
    void portalTokensAloneOpenTheApi() {
        String issued = "portal-token-0123456789abcdefghijklmnopq";
        BridgeTokens tokens = new BridgeTokens("");
        tokens.use(java.util.List.of(
                new BridgeTokens.Issued(6, java.util.HexFormat.of().parseHex(BridgeTokens.digestHex(issued)))));

        assertTrue(tokens.accepts("bearer " + issued));
        assertFalse(tokens.accepts("Bearer " + ONE));
    }
}
