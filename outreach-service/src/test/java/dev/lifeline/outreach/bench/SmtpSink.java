package dev.lifeline.outreach.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A discarding SMTP server for the benchmark: speaks enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for
 * Quarkus Mailer and a raw client, counts accepted messages and remembers when the first and last were accepted.
 */
final class SmtpSink implements AutoCloseable {

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong lastAcceptNanos = new AtomicLong();
    /** Told of every accepted message: its (first) recipient and the accept time, System.nanoTime(). */
    volatile BiConsumer<String, Long> onAccept;

    private final ServerSocket server;
    private volatile boolean open = true;

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> session(s), "smtp-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            socket.setTcpNoDelay(true);
            write(out, "220 sink ESMTP\r\n");
            StringBuilder line = new StringBuilder();
            String recipient = null;
            while (readLine(in, line)) {
                String cmd = line.length() >= 4
                        ? line.substring(0, 4).toUpperCase()
                        : line.toString().toUpperCase();
                switch (cmd) {
                    case "EHLO" -> write(out, "250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
                    case "HELO" -> write(out, "250 sink\r\n");
                    case "RCPT" -> {
                        if (recipient == null) {
                            int lt = line.indexOf("<");
                            int gt = line.indexOf(">");
                            recipient = lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.toString();
                        }
                        write(out, "250 ok\r\n");
                    }
                    case "DATA" -> {
                        write(out, "354 go ahead\r\n");
                        while (readLine(in, line)) {
                            if (line.length() == 1 && line.charAt(0) == '.') {
                                break;
                            }
                        }
                        long now = System.nanoTime();
                        lastAcceptNanos.set(now);
                        accepted.incrementAndGet();
                        BiConsumer<String, Long> listener = onAccept;
                        if (listener != null && recipient != null) {
                            listener.accept(recipient, now);
                        }
                        recipient = null;
                        write(out, "250 2.0.0 accepted\r\n");
                    }
                    case "RSET" -> {
                        recipient = null;
                        write(out, "250 ok\r\n");
                    }
                    case "QUIT" -> {
                        write(out, "221 bye\r\n");
                        return;
                    }
                    default -> write(out, "250 ok\r\n");
                }
            }
        } catch (IOException ignored) {
            // client went away
        }
    }

    private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return true;
            }
            line.append((char) c);
        }
        return false;
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
