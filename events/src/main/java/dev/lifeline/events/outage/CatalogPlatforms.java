package dev.lifeline.events.outage;

import java.util.List;

/**
 * Platform ids of the built-in catalogue, as they appear in {@code platformId} on platform-outages.v1. Part of the
 * public contract: outside subscribers and outreach campaigns refer to platforms by these ids. Tenant-defined
 * platforms use ids of the form {@code custom-<name>}.
 */
public final class CatalogPlatforms {

    public static final String INSTAGRAM = "instagram";
    public static final String FACEBOOK = "facebook";
    public static final String WHATSAPP = "whatsapp";
    public static final String MESSENGER = "messenger";
    public static final String TIKTOK = "tiktok";
    public static final String YOUTUBE = "youtube";
    public static final String X = "x";
    public static final String SHOPIFY = "shopify";
    public static final String ETSY = "etsy";
    public static final String GOOGLE_BUSINESS_PROFILE = "google-business-profile";

    public static final List<String> IDS = List.of(
            INSTAGRAM, FACEBOOK, WHATSAPP, MESSENGER, TIKTOK, YOUTUBE, X, SHOPIFY, ETSY, GOOGLE_BUSINESS_PROFILE);

    public static final String CUSTOM_PREFIX = "custom-";

    private CatalogPlatforms() {}

    public static boolean isCatalogued(String platformId) {
        return IDS.contains(platformId);
    }
}
