package dev.lifeline.contact.profile;

import java.util.Map;

/**
 * How many of a business's contacts there are, and per channel how many are in each consent state: what a dashboard
 * shows as "customers you can reach", without paging through the list.
 */
public record ContactCounts(long total, Map<String, Map<String, Long>> channels) {}
