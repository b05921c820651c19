package dev.lifeline.console.contacts;

import dev.lifeline.console.account.Accounts;
import dev.lifeline.console.account.Business;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Who is asking: the signed-in user, their business and the business's API key towards the services. */
@ApplicationScoped
public class SignedIn {

    /** The key is the business's bearer key; it is never shown or logged. */
    public record Caller(ConsoleUser user, Business business, String apiKey) {}

    private final Sessions sessions;
    private final Accounts accounts;

    public SignedIn(Sessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** Empty without a live session: the page then sends the browser to sign in. */
    public Optional<Caller> caller(String sessionToken) {
        return sessions.user(sessionToken)
                .flatMap(user -> accounts.businessOf(user)
                        .map(business -> new Caller(user, business, accounts.apiKey(business))));
    }
}
