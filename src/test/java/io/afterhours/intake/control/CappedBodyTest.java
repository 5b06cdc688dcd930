package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading a body up to a cap: reliability.md B6. */
class CappedBodyTest {

    private static final int CAP = 65_536;

    @Test
    void bodyOfExactlyTheCapIsReturnedWhole() {
        byte[] body = filled(CAP);

        byte[] read = CappedBody.read(new ByteArrayInputStream(body), CAP);

        assertArrayEquals(body, read);
    }

    @Test
    void emptyBodyIsReturnedEmpty() {
        byte[] read = CappedBody.read(new ByteArrayInputStream(new byte[0]), CAP);

        assertEquals(0, read.length);
    }

    @Test
    void bodyOfOneByteOverTheCapIsTooLarge() {
        InputStream in = new ByteArrayInputStream(filled(CAP + 1));

        IntakeRejection rejection = assertThrows(IntakeRejection.class, () -> CappedBody.read(in, CAP));

        assertEquals(RejectionReason.TOO_LARGE, rejection.reason());
    }

    @Test
    void endlessBodyStopsAfterAtMostCapPlusOneBytes() {
        EndlessStream in = new EndlessStream(8192);

        IntakeRejection rejection = assertThrows(IntakeRejection.class, () -> CappedBody.read(in, CAP));

        assertEquals(RejectionReason.TOO_LARGE, rejection.reason());
        assertEquals(CAP + 1, in.bytesRead);
    }

    @Test
    void endlessBodyInOddSizedChunksStopsAfterAtMostCapPlusOneBytes() {
        EndlessStream in = new EndlessStream(1_000);

        assertThrows(IntakeRejection.class, () -> CappedBody.read(in, 10_000));

        assertTrue(in.bytesRead <= 10_001, "read " + in.bytesRead);
    }

    @Test
    void bodyArrivingOneByteAtATimeIsReadWhole() {
        byte[] body = filled(300);
        EndlessStream trickle = new EndlessStream(1);
        InputStream in = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < body.length ? body[position++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= body.length) {
                    return -1;
                }
                b[off] = body[position++];
                trickle.bytesRead++;
                return 1;
            }
        };

        byte[] read = CappedBody.read(in, CAP);

        assertArrayEquals(body, read);
        assertEquals(300, trickle.bytesRead);
    }

    @Test
    void readFailureIsReportedUnchecked() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThrows(UncheckedIOException.class, () -> CappedBody.read(broken, CAP));
    }

    private static byte[] filled(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }

    /** Always has more data, in chunks of at most {@code chunk} bytes, and counts what was taken. */
    private static final class EndlessStream extends InputStream {
        private final int chunk;
        long bytesRead;

        EndlessStream(int chunk) {
            this.chunk = chunk;
        }

        @Override
        public int read() {
            bytesRead++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, chunk);
            Arrays.fill(b, off, off + n, (byte) 'x');
            bytesRead += n;
            return n;
        }
    }
}
