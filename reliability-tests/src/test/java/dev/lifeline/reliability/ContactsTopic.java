package dev.lifeline.reliability;

import dev.lifeline.events.Topics;
import dev.lifeline.localstack.TopicReader;
import dev.lifeline.system.RunningSystem;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What any downstream consumer can see of a business's contacts on {@code contacts.v1}, read from the beginning. */
final class ContactsTopic {

    private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");

    private ContactsTopic() {}

    /** The addresses of every contact of the business that has been published, waiting until the topic's end. */
    static Set<String> emails(RunningSystem system, Business business) {
        Set<String> emails = new HashSet<>();
        for (ConsumerRecord<String, String> record :
                TopicReader.toEnd(system.stack.kafka().bootstrapServers(), Topics.CONTACTS, Duration.ofMinutes(2))) {
            if (record.value() == null) {
                continue;
            }
            Matcher email = EMAIL.matcher(record.value());
            if (email.find() && business.isOurs(email.group(1))) {
                emails.add(email.group(1).toLowerCase());
            }
        }
        return emails;
    }
}
