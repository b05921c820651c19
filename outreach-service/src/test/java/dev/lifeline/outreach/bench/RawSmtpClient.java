package dev.lifeline.outreach.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The ceiling: how fast the sink accepts messages from a plain client over reused connections, no application in between. */
final class RawSmtpClient {

    private RawSmtpClient() {}

    /** @return messages per second */
    static double measure(int port, int connections, int messages) throws Exception {
        String body = "From: bench@localhost\r\nTo: x@example.com\r\nSubject: raw\r\nMessage-ID: <x@bench>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hi there, Instagram is down. Order at https://shop.example or call us.\r\n".repeat(6) + ".\r\n";
        int per = messages / connections;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setTcpNoDelay(true);
                    InputStream in = new BufferedInputStream(s.getInputStream());
                    OutputStream out = new BufferedOutputStream(s.getOutputStream());
                    read(in);
                    send(out, in, "EHLO raw\r\n");
                    for (int m = 0; m < per; m++) {
                        send(out, in, "MAIL FROM:<bench@localhost>\r\n");
                        send(out, in, "RCPT TO:<x" + m + "@example.com>\r\n");
                        send(out, in, "DATA\r\n");
                        send(out, in, body);
                    }
                    send(out, in, "QUIT\r\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return per * connections / ((System.nanoTime() - start) / 1e9);
    }

    private static void send(OutputStream out, InputStream in, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        read(in);
    }

    /** Reads one (possibly multi-line) reply. */
    private static void read(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            if (c == -1) {
                throw new IOException("closed");
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return;
            }
        }
    }
}
