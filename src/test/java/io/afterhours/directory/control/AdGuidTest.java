package io.afterhours.directory.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdGuidTest {

    /** The byte order AD stores, as documented for objectGUID: the first three fields little-endian. */
    private static final byte[] AD_BYTES = HexFormat.of().parseHex("67452301ab89efcd0123456789abcdef");

    private static final UUID GUID = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");

    @Test
    void readsAdByteOrder() {
        assertEquals(GUID, AdGuid.fromBytes(AD_BYTES));
    }

    @Test
    void writesAdByteOrder() {
        assertArrayEquals(AD_BYTES, AdGuid.toBytes(GUID));
    }

    @Test
    void refusesAnythingButSixteenBytes() {
        assertThrows(IllegalArgumentException.class, () -> AdGuid.fromBytes(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> AdGuid.fromBytes(null));
    }
}
