package dev.lifeline.events;

/**
 * Data of a Lifeline CloudEvent. Each implementation is one event type, with its JSON Schema beside it as
 * {@code <SimpleName>.schema.json} in the same package.
 */
public interface LifelineEvent {

    /** CloudEvents {@code type}, e.g. {@code dev.lifeline.contact.upserted}. */
    String eventType();

    /** Kafka record key: order holds per key. */
    String partitionKey();
}
