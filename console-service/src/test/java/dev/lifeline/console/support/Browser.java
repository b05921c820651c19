package dev.lifeline.console.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's cookie jar over RestAssured: GETs a page, keeps its cookies, posts forms with its CSRF field. */
public final class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final Map<String, String> cookies = new HashMap<>();
    private String csrf;

    public Response get(String path) {
        Response response =
                RestAssured.given().redirects().follow(false).cookies(cookies).get(path);
        remember(response);
        Matcher field = CSRF_FIELD.matcher(response.asString());
        if (field.find()) {
            csrf = field.group(1);
        }
        return response;
    }

    /** Posts the form with this browser's CSRF field (GET a page with a form first). */
    public Response post(String path, Map<String, ?> form) {
        Map<String, Object> fields = new HashMap<>(form);
        fields.put("csrf", csrf);
        return postRaw(path, fields);
    }

    /** Posts exactly these fields: no CSRF field unless given. */
    public Response postRaw(String path, Map<String, ?> fields) {
        Response response = RestAssured.given()
                .redirects()
                .follow(false)
                .cookies(cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post(path);
        remember(response);
        return response;
    }

    /** Posts a multipart form with one file and this browser's CSRF field (unless {@code withCsrf} is false). */
    public Response postFile(String path, String field, String fileName, byte[] content, boolean withCsrf) {
        var request = RestAssured.given()
                .redirects()
                .follow(false)
                .cookies(cookies)
                .multiPart(field, fileName, content, "text/csv");
        if (withCsrf) {
            request = request.multiPart("csrf", csrf);
        }
        Response response = request.post(path);
        remember(response);
        return response;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private void remember(Response response) {
        response.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }
}
