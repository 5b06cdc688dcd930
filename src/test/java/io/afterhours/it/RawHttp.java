package io.afterhours.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP over a plain socket, for what java.net.http will not send: huge or endless bodies whose answer arrives while
 * the client is still writing (reliability.md B6).
 */
final class RawHttp {

    private RawHttp() {}

    /**
     * Posts {@code totalBytes} of filler (or, if chunked, that many bytes in chunks without Content-Length) and
     * returns the status line the server answered with, even if it answered before reading everything.
     */
    static String postFiller(URI base, String path, long totalBytes, boolean chunked) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + totalBytes + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '[';
            long sent = 0;
            try {
                while (sent < totalBytes) {
                    int n = (int) Math.min(chunk.length, totalBytes - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += n;
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException serverStoppedReading) {
                // Expected for oversized bodies: the server answered and closed; read its answer below.
            }
            return readStatusLine(socket.getInputStream());
        }
    }

    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
