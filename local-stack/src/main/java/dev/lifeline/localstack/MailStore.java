package dev.lifeline.localstack;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The captured messages, one per SMTP transaction. GreenMail hands over a transaction once per
 * recipient; the recent transactions are remembered (by identity) so each becomes one entry.
 */
final class MailStore {

    /** A captured message with an id that stays valid while other messages arrive or are cleared. */
    record Entry(long id, CapturedMail mail) {}

    private static final int RECENT_TRANSACTIONS = 256;

    private final List<Entry> entries = new ArrayList<>();
    private final Map<MovingMessage, Boolean> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MovingMessage, Boolean> eldest) {
            return size() > RECENT_TRANSACTIONS;
        }
    };
    private long nextId = 1;

    synchronized void deliver(MovingMessage transaction) {
        if (recent.put(transaction, Boolean.TRUE) != null) {
            return;
        }
        List<String> recipients =
                transaction.getToAddresses().stream().map(MailAddress::getEmail).toList();
        CapturedMail mail = MimeReader.read(transaction.getMessage(), recipients, Instant.now());
        entries.add(new Entry(nextId++, mail));
        notifyAll();
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized Optional<Entry> find(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    synchronized List<CapturedMail> messages() {
        return entries.stream().map(Entry::mail).toList();
    }

    synchronized boolean awaitCount(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (entries.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized void clear() {
        entries.clear();
        recent.clear();
    }
}
