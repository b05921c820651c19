package dev.lifeline.console.imports;

import dev.lifeline.console.support.Browser;
import dev.lifeline.console.support.Owners;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import pages up to the hand-over to contact-service (absent in this module's tests: the hand-over itself is in
 * system-tests' ContactsConsoleSystemTest): upload, the mapping step, their refusals.
 */
@QuarkusTest
class ImportPagesTest {

    private static final String PASSWORD = "correct horse battery";
    static final String SHOPIFY = """
            Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags
            7001,Ada,Lovelace,ada@example.com,yes,,1 Analytical Row,,London,,GB,N1 1AA,,07400 123456,no,120.00,3,,no,"vip, tea"
            """;

    @Inject
    Owners owners;

    @Test
    void aShopifyExportIsRecognised_andItsColumnsArePreChosen_withTheFirstValuesBeside() {
        Browser browser = signedIn();
        browser.get("/imports");

        Response uploaded = upload(browser, SHOPIFY);
        assertThat(uploaded.statusCode()).isEqualTo(303);
        Response mapping = browser.get(uploaded.header("Location"));

        assertThat(mapping.statusCode()).isEqualTo(200);
        String page = mapping.asString();
        assertThat(page).contains("This looks like a <strong>Shopify customer export</strong>");
        assertThat(selected(page, "Email")).isEqualTo("email");
        assertThat(selected(page, "First Name")).isEqualTo("first_name");
        assertThat(selected(page, "Accepts Email Marketing")).isEqualTo("email_consent");
        assertThat(selected(page, "Default Address Country Code")).isEqualTo("country");
        assertThat(selected(page, "Total Spent")).isEqualTo("attribute");
        assertThat(selected(page, "Default Address City")).isEqualTo("ignore");
        assertThat(page).contains("ada@example.com");
    }

    @Test
    void aMappingWithoutAnEMailOrPhoneColumn_orWithTwoEMailColumns_isRefusedWithAMessageWhereItBelongs() {
        Browser browser = signedIn();
        browser.get("/imports");
        String mappingUrl = upload(browser, "Mail,Other,Name\na@example.com,b@example.com,Ada\n")
                .header("Location");
        browser.get(mappingUrl);

        Response none = browser.post(mappingUrl, Map.of("column", List.of("ignore", "ignore", "name")));
        Response twice = browser.post(mappingUrl, Map.of("column", List.of("email", "email", "name")));

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.asString())
                .contains(
                        "id=\"mapping-error\"",
                        "Choose the column with the e-mail address or the one with the phone number.");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.asString()).contains("id=\"col1-error\"", "Column 1 is already the E-mail.");
    }

    @Test
    void whenContactServiceDoesNotAnswer_startingTheImportIsA503Page_andTheUploadStaysForAnotherTry() {
        Browser browser = signedIn();
        browser.get("/imports");
        String mappingUrl = upload(browser, "Email\na@example.com\n").header("Location");
        browser.get(mappingUrl);

        Response start = browser.post(mappingUrl, Map.of("column", List.of("email")));

        assertThat(start.statusCode()).isEqualTo(503);
        assertThat(start.asString())
                .contains("Imports are not available right now")
                .doesNotContain("Exception");
        assertThat(browser.get(mappingUrl).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyFile_orOneThatIsNotUtf8_getsAMessageNextToTheFileField() {
        Browser browser = signedIn();
        browser.get("/imports");

        Response empty = upload(browser, "");
        Response latin1 = browser.postFile(
                "/imports",
                "file",
                "kunden.csv",
                "Name,Email\nJürgen,j@example.com\n".getBytes(StandardCharsets.ISO_8859_1),
                true);

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("id=\"file-error\"", "Choose the CSV file to import.");
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(latin1.asString()).contains("id=\"file-error\"", "The file is not UTF-8 text.");
    }

    @Test
    void anUploadWithoutTheCsrfToken_isRefused403_andAnotherBusinessCannotOpenTheUpload() {
        Browser owner = signedIn();
        owner.get("/imports");
        Response forged = owner.postFile(
                "/imports", "file", "c.csv", "Email\na@example.com\n".getBytes(StandardCharsets.UTF_8), false);
        String mappingUrl = upload(owner, "Email\na@example.com\n").header("Location");

        Browser other = signedIn();
        Response theirs = other.get(mappingUrl);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.asString()).contains("This upload has expired");
    }

    @Test
    void theImportPagesSendASignedOutVisitorToSignIn() {
        Response page = new Browser().get("/imports/jobs/" + UUID.randomUUID());

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).endsWith("/signin");
    }

    private static Response upload(Browser browser, String csv) {
        return browser.postFile("/imports", "file", "customers.csv", csv.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The value selected for a column of the mapping table. */
    private static String selected(String page, String column) {
        int row = page.indexOf("data-column=\"" + column + "\"");
        assertThat(row).as(column).isPositive();
        int end = page.indexOf("</tr>", row);
        String cells = page.substring(row, end);
        int sel = cells.indexOf(" selected");
        String before = cells.substring(0, sel);
        int value = before.lastIndexOf("value=\"");
        return before.substring(value + 7, before.indexOf('"', value + 7));
    }

    private Browser signedIn() {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        owners.create(email, PASSWORD);
        Browser browser = new Browser();
        browser.get("/signin");
        assertThat(browser.post("/signin", Map.of("email", email, "password", PASSWORD))
                        .statusCode())
                .isEqualTo(303);
        return browser;
    }
}
