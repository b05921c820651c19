package dev.lifeline.console.web;

/**
 * Set-Cookie values of the console: always HttpOnly, Secure and SameSite=Lax, path "/". Browsers treat
 * http://localhost as secure, so the local run and the tests work with Secure too.
 */
public final class Cookies {

    private Cookies() {}

    /** @param maxAgeSeconds -1 for a browser-session cookie, 0 to delete it */
    public static String header(String name, String value, long maxAgeSeconds) {
        StringBuilder cookie =
                new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; Secure; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        return cookie.toString();
    }
}
