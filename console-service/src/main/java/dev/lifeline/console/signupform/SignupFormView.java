package dev.lifeline.console.signupform;

import java.util.Map;

/**
 * What the Sign-up form page shows. {@code form} is null when contact-service did not answer (the page then keeps
 * what the owner typed and says the preview is not available); {@code entered} is the owner's refused input.
 */
public record SignupFormView(
        SignupFormClient.FormSettings form,
        String formUrl,
        String snippet,
        SignupFormInput entered,
        Map<String, String> errors,
        String notice) {

    public String emailText() {
        return entered != null ? entered.emailText() : form == null ? "" : form.emailText();
    }

    public String smsText() {
        return entered != null ? entered.smsText() : form == null ? "" : form.smsText();
    }

    public String websites() {
        return entered != null ? entered.websites() : form == null ? "" : String.join("\n", form.websites());
    }

    /** The lines to put on the business's own page: where the form goes, and the script that draws it. */
    static String snippet(String contactPublicUrl, String slug) {
        return "<div data-lifeline-form></div>\n<script src=\"" + contactPublicUrl + "/f/" + slug
                + "/embed.js\"></script>";
    }
}
