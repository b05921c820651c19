package dev.lifeline.console.team;

import dev.lifeline.console.account.ConsoleUser;
import dev.lifeline.console.session.Sessions;
import dev.lifeline.console.support.Browser;
import dev.lifeline.console.support.Inbox;
import dev.lifeline.console.support.Owners;
import dev.lifeline.localstack.CapturedMail;
import dev.lifeline.localstack.InjectLocalStack;
import dev.lifeline.localstack.LocalStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Team against the real PostgreSQL and SMTP of local-stack: invitations, roles, removal, guard rails. */
@QuarkusTest
class TeamTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String STAFF_PASSWORD = "staple paper clips";

    @Inject
    Owners owners;

    @InjectLocalStack
    LocalStack stack;

    @Test
    void anInvitedStaffMemberJoinsByTheMailedLink_andCannotReachTheOwnersSettings() {
        String owner = unique("owner");
        String staff = unique("staff");
        owners.create(owner, PASSWORD);
        Browser ownerBrowser = Owners.signedIn(owner, PASSWORD);
        assertThat(ownerBrowser.get("/dashboard").asString()).contains("href=\"/settings\"", "href=\"/settings/team\"");
        ownerBrowser.get("/settings/team");

        Response invited = ownerBrowser.post(
                "/settings/team/invitations", Map.of("email", " " + staff.toUpperCase() + " ", "role", "staff"));

        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(ownerBrowser.get(invited.header("Location")).asString())
                .contains("Invitation sent", "data-invitation=\"" + staff + "\"");
        CapturedMail mail = new Inbox(stack).awaitMail(staff);
        assertThat(mail.subject()).contains("Shop of " + owner);
        String link = Inbox.link(mail, "/team/join");
        Browser staffBrowser = new Browser();
        Response joinPage = staffBrowser.get(link);
        assertThat(joinPage.statusCode()).isEqualTo(200);
        assertThat(joinPage.asString()).contains("invited as <strong>staff</strong>", staff);

        Response joined =
                staffBrowser.post("/team/join", Map.of("token", Inbox.token(link), "password", STAFF_PASSWORD));

        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.header("Location")).endsWith("/dashboard");
        assertThat(staffBrowser.cookie(Sessions.COOKIE)).isNotNull();
        Response dashboard = staffBrowser.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.asString()).doesNotContain("href=\"/settings\"", "href=\"/settings/team\"");
        assertThat(ownerBrowser.get("/settings/team").asString())
                .contains("data-member=\"" + staff + "\"")
                .doesNotContain("data-invitation=\"" + staff + "\"");
        assertThat(staffBrowser.get(link).statusCode()).isEqualTo(404);

        Browser signedIn = Owners.signedIn(staff, STAFF_PASSWORD);
        assertOwnerOnlyIsRefused(signedIn, owners.idOf(owner));
        assertThat(signedIn.get("/dashboard").statusCode()).isEqualTo(200);
        assertThat(signedIn.get("/campaigns").statusCode()).isNotEqualTo(403);
        assertThat(signedIn.get("/contacts").statusCode()).isNotEqualTo(403);
        assertThat(signedIn.get("/outages").statusCode()).isNotEqualTo(403);
    }

    @Test
    void aDemotedOwnerLosesTheSettingsAtOnce_andARemovedMembersSessionIsDead() {
        String owner = unique("owner");
        String other = unique("co-owner");
        owners.create(owner, PASSWORD);
        owners.addMember(owner, other, STAFF_PASSWORD, "owner");
        Browser ownerBrowser = Owners.signedIn(owner, PASSWORD);
        Browser otherBrowser = Owners.signedIn(other, STAFF_PASSWORD);
        assertThat(otherBrowser.get("/settings/team").statusCode()).isEqualTo(200);
        ownerBrowser.get("/settings/team");
        String otherId = owners.idOf(other).toString();

        Response demoted = ownerBrowser.post("/settings/team/members/" + otherId + "/role", Map.of("role", "staff"));

        assertThat(demoted.statusCode()).isEqualTo(303);
        assertThat(ownerBrowser.get(demoted.header("Location")).asString()).contains("Role changed");
        assertThat(otherBrowser.get("/settings").statusCode()).isEqualTo(403);

        Response removed = ownerBrowser.post("/settings/team/members/" + otherId + "/remove", Map.of());

        assertThat(removed.statusCode()).isEqualTo(303);
        Response after = otherBrowser.get("/dashboard");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.header("Location")).endsWith("/signin");
        Browser again = new Browser();
        again.get("/signin");
        assertThat(again.post("/signin", Map.of("email", other, "password", STAFF_PASSWORD))
                        .statusCode())
                .isEqualTo(401);
        assertThat(ownerBrowser.get("/settings/team").asString()).doesNotContain(other);
    }

    @Test
    void theLastOwnerCanBeNeitherDemotedNorRemoved() {
        String owner = unique("owner");
        owners.create(owner, PASSWORD);
        owners.addMember(owner, unique("staff"), STAFF_PASSWORD, "staff");
        Browser browser = Owners.signedIn(owner, PASSWORD);
        browser.get("/settings/team");
        String ownId = owners.idOf(owner).toString();

        Response demoted = browser.post("/settings/team/members/" + ownId + "/role", Map.of("role", "staff"));
        Response removed = browser.post("/settings/team/members/" + ownId + "/remove", Map.of());

        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(demoted.asString())
                .contains("id=\"member-" + ownId + "-error\"", "The last owner cannot become staff");
        assertThat(removed.statusCode()).isEqualTo(409);
        assertThat(removed.asString()).contains("The last owner cannot be removed");
        assertThat(browser.get("/settings/team").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvitationIsRefusedNextToItsFields_andNoMailGoesOut() {
        String owner = unique("owner");
        String member = unique("staff");
        String elsewhere = unique("elsewhere");
        owners.create(owner, PASSWORD);
        owners.addMember(owner, member, STAFF_PASSWORD, "staff");
        owners.create(elsewhere, PASSWORD);
        Browser browser = Owners.signedIn(owner, PASSWORD);
        browser.get("/settings/team");

        Response badAddress =
                browser.post("/settings/team/invitations", Map.of("email", "not-an-address", "role", "staff"));
        Response empty = browser.post("/settings/team/invitations", Map.of("email", "", "role", "staff"));
        Response badRole = browser.post("/settings/team/invitations", Map.of("email", unique("new"), "role", "admin"));
        Response already = browser.post("/settings/team/invitations", Map.of("email", member, "role", "owner"));
        Response hasAccount = browser.post("/settings/team/invitations", Map.of("email", elsewhere, "role", "staff"));

        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(badAddress.asString())
                .contains("id=\"email-error\">This does not look like an e-mail address.", "value=\"not-an-address\"");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("id=\"email-error\">Enter your e-mail address.");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.asString()).contains("id=\"role-error\">Choose owner or staff.");
        assertThat(already.statusCode()).isEqualTo(409);
        assertThat(already.asString()).contains("id=\"email-error\">This address is already a member of your team.");
        assertThat(hasAccount.statusCode()).isEqualTo(409);
        assertThat(hasAccount.asString()).contains("id=\"email-error\">This address already has a Lifeline account");
        for (Response refused : new Response[] {badAddress, empty, badRole, already, hasAccount}) {
            assertThat(refused.asString()).doesNotContain("Exception");
        }
        assertThat(new Inbox(stack).mailsTo(member)).isEmpty();
        assertThat(new Inbox(stack).mailsTo(elsewhere)).isEmpty();
    }

    @Test
    void anExpiredOrRevokedInvitationDoesNotWork_andATooShortPasswordIsRefused() {
        String owner = unique("owner");
        String late = unique("late");
        String revoked = unique("revoked");
        owners.create(owner, PASSWORD);
        Browser browser = Owners.signedIn(owner, PASSWORD);
        browser.get("/settings/team");
        browser.post("/settings/team/invitations", Map.of("email", late, "role", "staff"));
        browser.post("/settings/team/invitations", Map.of("email", revoked, "role", "owner"));
        Inbox inbox = new Inbox(stack);
        String lateLink = Inbox.link(inbox.awaitMail(late), "/team/join");
        String revokedLink = Inbox.link(inbox.awaitMail(revoked), "/team/join");
        Browser invitee = new Browser();
        invitee.get(lateLink);
        Response tooShort = invitee.post("/team/join", Map.of("token", Inbox.token(lateLink), "password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.asString()).contains("id=\"password-error\">Use at least 10 characters.");

        QuarkusTransaction.requiringNew()
                .run(() -> Invitation.update(
                        "expiresAt = ?1 where email = ?2", Instant.now().minusSeconds(1), late));
        assertThat(browser.get("/settings/team").asString()).contains("expired");
        String revokedId = QuarkusTransaction.requiringNew()
                .call(() -> Invitation.<Invitation>find("email", revoked)
                        .firstResult()
                        .id
                        .toString());
        assertThat(browser.post("/settings/team/invitations/" + revokedId + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(303);

        for (String link : new String[] {lateLink, revokedLink}) {
            Response page = invitee.get(link);
            assertThat(page.statusCode()).as(link).isEqualTo(404);
            assertThat(page.asString()).contains("This invitation does not work");
            Response post = invitee.post("/team/join", Map.of("token", Inbox.token(link), "password", STAFF_PASSWORD));
            assertThat(post.statusCode()).as(link).isEqualTo(404);
            assertThat(invitee.cookie(Sessions.COOKIE)).isNull();
        }
    }

    @Test
    void anOwnerCannotTouchAnotherBusinesssMembersOrInvitations() {
        String owner = unique("owner");
        String stranger = unique("stranger");
        String strangersStaff = unique("their-staff");
        owners.create(owner, PASSWORD);
        owners.create(stranger, PASSWORD);
        owners.addMember(stranger, strangersStaff, STAFF_PASSWORD, "staff");
        Browser strangerBrowser = Owners.signedIn(stranger, PASSWORD);
        strangerBrowser.get("/settings/team");
        strangerBrowser.post("/settings/team/invitations", Map.of("email", unique("invitee"), "role", "staff"));
        String invitationId = QuarkusTransaction.requiringNew()
                .call(() -> Invitation.<Invitation>find(
                                "businessId", ConsoleUser.byEmail(stranger).orElseThrow().businessId)
                        .firstResult()
                        .id
                        .toString());
        Browser browser = Owners.signedIn(owner, PASSWORD);
        browser.get("/settings/team");
        String theirId = owners.idOf(strangersStaff).toString();

        Response role = browser.post("/settings/team/members/" + theirId + "/role", Map.of("role", "owner"));
        Response remove = browser.post("/settings/team/members/" + theirId + "/remove", Map.of());
        Response revoke = browser.post("/settings/team/invitations/" + invitationId + "/revoke", Map.of());

        assertThat(role.statusCode()).isEqualTo(404);
        assertThat(role.asString()).contains("id=\"general-error\">There is no such member in your team.");
        assertThat(remove.statusCode()).isEqualTo(404);
        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(revoke.asString()).contains("id=\"general-error\">There is no such invitation.");
        assertThat(browser.get("/settings/team").asString()).doesNotContain(strangersStaff);
        assertThat(strangerBrowser.get("/settings/team").asString())
                .contains("data-member=\"" + strangersStaff + "\"")
                .contains("data-invitation=");
    }

    @Test
    void theTeamFormsWithoutTheCsrfTokenAreRefused() {
        String owner = unique("owner");
        owners.create(owner, PASSWORD);
        Browser browser = Owners.signedIn(owner, PASSWORD);
        browser.get("/settings/team");
        String id = owners.idOf(owner).toString();

        for (String path : new String[] {
            "/settings/team/invitations",
            "/settings/team/invitations/" + UUID.randomUUID() + "/revoke",
            "/settings/team/members/" + id + "/role",
            "/settings/team/members/" + id + "/remove",
            "/team/join",
            "/settings/timezone"
        }) {
            Response refused = browser.postRaw(
                    path, Map.of("email", unique("x"), "role", "staff", "password", STAFF_PASSWORD, "timeZone", "UTC"));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.asString()).as(path).contains("This form has expired");
        }
        assertThat(browser.get("/settings/team").asString()).contains("data-member=\"" + owner + "\"");
    }

    private static void assertOwnerOnlyIsRefused(Browser staff, UUID ownerId) {
        staff.get("/dashboard");
        String any = UUID.randomUUID().toString();
        for (String path : new String[] {"/settings", "/settings/team", "/settings?saved=sender"}) {
            Response refused = staff.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.asString()).as(path).contains("Only an owner can do this");
        }
        for (String path : new String[] {
            "/settings/sender",
            "/settings/domains",
            "/settings/domains/" + any + "/verify",
            "/settings/dependencies",
            "/settings/keys",
            "/settings/keys/" + any + "/revoke",
            "/settings/timezone",
            "/settings/team/invitations",
            "/settings/team/invitations/" + any + "/revoke",
            "/settings/team/members/" + ownerId + "/role",
            "/settings/team/members/" + ownerId + "/remove"
        }) {
            Response refused = staff.post(
                    path,
                    Map.of(
                            "scope",
                            "admin",
                            "domain",
                            "shop.example",
                            "displayName",
                            "Staff",
                            "timeZone",
                            "Europe/Paris",
                            "email",
                            unique("x"),
                            "role",
                            "staff"));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.asString()).as(path).contains("Only an owner can do this");
        }
    }

    private static String unique(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }
}
