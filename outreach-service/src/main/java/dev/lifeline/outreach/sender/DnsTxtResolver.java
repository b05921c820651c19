package dev.lifeline.outreach.sender;

import java.util.List;

/** TXT lookups for domain verification; tests replace it with a resolver they script. */
public interface DnsTxtResolver {

    /**
     * Every TXT record at {@code name}, each record's character-strings joined into one value; empty when the name
     * has none or does not exist.
     *
     * @throws LookupFailed when the DNS could not answer (timeout, server failure): try again later
     */
    List<String> txt(String name);

    class LookupFailed extends RuntimeException {
        public LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
