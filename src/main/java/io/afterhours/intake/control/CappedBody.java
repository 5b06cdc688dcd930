package io.afterhours.intake.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body up to a cap. It stops after cap + 1 bytes, so a 50 MB or endless chunked body costs no more
 * memory than a legitimate one (reliability.md B6).
 */
public final class CappedBody {

    private CappedBody() {}

    public static byte[] read(InputStream in, int cap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 4096));
        byte[] buffer = new byte[8192];
        int total = 0;
        try {
            while (total <= cap) {
                int wanted = Math.min(buffer.length, cap + 1 - total);
                int n = in.read(buffer, 0, wanted);
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
        throw new IntakeRejection(RejectionReason.TOO_LARGE, "The body is larger than " + cap + " bytes.");
    }
}
