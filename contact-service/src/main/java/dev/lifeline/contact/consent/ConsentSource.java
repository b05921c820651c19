package dev.lifeline.contact.consent;

/** Where a consent change came from, with the evidence of who made it. */
public record ConsentSource(String source, String ip, String userAgent) {

    public static final String API = "api";
    public static final String FORM = "form";
    public static final String IMPORT = "import";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String BOUNCE = "hard-bounce";
    public static final String TEXTED_STOP = "texted-stop";
    public static final String TEXTED_START = "texted-start";
    public static final String COMPLAINT = "complaint";
    public static final String ERASURE = "erasure";

    public static ConsentSource api() {
        return new ConsentSource(API, null, null);
    }

    public static ConsentSource importer() {
        return new ConsentSource(IMPORT, null, null);
    }
}
