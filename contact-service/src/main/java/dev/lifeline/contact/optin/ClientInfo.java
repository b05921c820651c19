package dev.lifeline.contact.optin;

import io.vertx.core.http.HttpServerRequest;

/** The evidence a consent records about who gave it. Behind a proxy, enable quarkus.http.proxy.* to get the real IP. */
public record ClientInfo(String ip, String userAgent) {

    public static ClientInfo of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        return new ClientInfo(ip, request.getHeader("User-Agent"));
    }
}
