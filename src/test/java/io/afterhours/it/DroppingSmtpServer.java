package io.afterhours.it;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An SMTP server that takes a whole message and hangs up before answering its final "250" (reliability.md drill
 * R4): the sender cannot know whether the message was delivered, so it must try again. It keeps what it took, as a
 * real server that delivered the message anyway would have. Plain SMTP, one client at a time, no extensions.
 */
final class DroppingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final List<MimeMessage> taken = new ArrayList<>();

    DroppingSmtpServer(int port) throws IOException {
        socket = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "dropping-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The messages taken so far (each one hung up on), in arrival order. */
    synchronized List<MimeMessage> taken() {
        return List.copyOf(taken);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException | MessagingException e) {
                // The client went away or the server is closing; wait for the next one.
            }
        }
    }

    private void converse(Socket client) throws IOException, MessagingException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.ISO_8859_1);
        reply(out, "220 dropping-smtp ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() < 4
                    ? line.toUpperCase()
                    : line.substring(0, 4).toUpperCase();
            switch (verb) {
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    keep(readData(in));
                    return; // hang up where "250 accepted" belongs
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 ok");
            }
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private synchronized void keep(String data) throws MessagingException {
        taken.add(new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(data.getBytes(StandardCharsets.ISO_8859_1))));
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
