package dev.lifeline.console.web;

import dev.lifeline.console.account.Accounts;
import dev.lifeline.console.account.Business;
import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The signed-in owner's business and the key the console speaks for it with, for the pages behind sign-in. */
@ApplicationScoped
public class SignedInBusiness {

    /** Who is signed in, their business, and its API key (never shown to the browser). */
    public record Owner(ConsoleUser user, Business business, String key) {}

    private final Sessions sessions;
    private final Accounts accounts;

    public SignedInBusiness(Sessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** Empty when the session cookie is missing, unknown or expired: the page then sends the browser to sign in. */
    public Optional<Owner> of(String sessionCookie) {
        return sessions.user(sessionCookie)
                .flatMap(user -> accounts.businessOf(user)
                        .map(business -> new Owner(user, business, accounts.apiKey(business))));
    }
}
