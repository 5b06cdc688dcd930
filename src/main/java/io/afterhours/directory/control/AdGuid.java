package io.afterhours.directory.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * AD's {@code objectGUID} is 16 bytes in Microsoft's mixed byte order: the first three fields little-endian, the last
 * two as they are. Reading it as a plain big-endian UUID would give a different GUID than AD tools show.
 */
public final class AdGuid {

    private AdGuid() {}

    public static UUID fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            throw new IllegalArgumentException("objectGUID must be 16 bytes");
        }
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long high = ((long) le.getInt(0) << 32) | ((le.getShort(4) & 0xFFFFL) << 16) | (le.getShort(6) & 0xFFFFL);
        long low = ByteBuffer.wrap(bytes, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(high, low);
    }

    public static byte[] toBytes(UUID guid) {
        ByteBuffer out = ByteBuffer.allocate(16);
        out.order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (guid.getMostSignificantBits() >>> 32))
                .putShort((short) (guid.getMostSignificantBits() >>> 16))
                .putShort((short) guid.getMostSignificantBits());
        out.order(ByteOrder.BIG_ENDIAN).putLong(guid.getLeastSignificantBits());
        return out.array();
    }
}
