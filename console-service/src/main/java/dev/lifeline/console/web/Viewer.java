package dev.lifeline.console.web;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.team.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Who looks at this page, for the templates ({@code {inject:viewer.owner}}): the links to owner-only pages are not
 * shown to staff. Set when the session is read; not a permission check (that is {@link Roles#requireOwner}).
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    private boolean owner;

    public boolean isOwner() {
        return owner;
    }

    public void signedIn(ConsoleUser user) {
        this.owner = Roles.isOwner(user);
    }
}
