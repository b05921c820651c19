package dev.lifeline.monitor.catalog;

import dev.lifeline.events.outage.CatalogPlatforms;
import dev.lifeline.monitor.config.MonitorConfig.CatalogMode;
import dev.lifeline.monitor.probe.ProbeDefinition;
import dev.lifeline.monitor.probe.ProbeKind;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in catalogue and its default probes. Public URLs apply only in mode PUBLIC (production); the local run
 * points every probe at the platform simulator, tests disable them, so nothing here depends on the internet.
 */
public final class CatalogDefaults {

    public static final Map<String, String> NAMES = names();

    private static final Map<String, String> META_ORGS = Map.of(
            CatalogPlatforms.INSTAGRAM, "Instagram",
            CatalogPlatforms.FACEBOOK, "Facebook",
            CatalogPlatforms.WHATSAPP, "WhatsApp Business API",
            CatalogPlatforms.MESSENGER, "Messenger");

    private CatalogDefaults() {}

    /** The catalogue; {@code maintenanceOutages} lists the platforms whose planned maintenance counts as an outage. */
    public static List<Platform> platforms(Set<String> maintenanceOutages) {
        List<Platform> out = new ArrayList<>();
        NAMES.forEach((id, name) -> out.add(new Platform(id, name, null, maintenanceOutages.contains(id))));
        return out;
    }

    public static List<ProbeDefinition> probes(
            CatalogMode mode, String simulatorUrl, Duration interval, Duration timeout) {
        List<ProbeDefinition> out = new ArrayList<>();
        if (mode == CatalogMode.DISABLED) {
            return out;
        }
        for (String id : CatalogPlatforms.IDS) {
            if (mode == CatalogMode.SIMULATOR) {
                String base = simulatorUrl.replaceAll("/+$", "");
                out.add(probe(
                        id + "-http",
                        id,
                        ProbeKind.HTTP,
                        base + "/platforms/" + id + "/health",
                        interval,
                        timeout,
                        null));
                if (META_ORGS.containsKey(id)) {
                    out.add(probe(
                            id + "-meta",
                            id,
                            ProbeKind.META_STATUS,
                            base + "/platforms/" + id + "/meta/status.json",
                            interval,
                            timeout,
                            META_ORGS.get(id)));
                } else {
                    out.add(probe(
                            id + "-statuspage",
                            id,
                            ProbeKind.STATUSPAGE,
                            base + "/platforms/" + id + "/api/v2/status.json",
                            interval,
                            timeout,
                            null));
                }
            } else {
                out.addAll(publicProbes(id, interval, timeout));
            }
        }
        return out;
    }

    private static List<ProbeDefinition> publicProbes(String id, Duration interval, Duration timeout) {
        List<ProbeDefinition> out = new ArrayList<>();
        switch (id) {
            case CatalogPlatforms.INSTAGRAM ->
                out.add(probe(id + "-http", id, ProbeKind.HTTP, "https://www.instagram.com/", interval, timeout, null));
            case CatalogPlatforms.FACEBOOK ->
                out.add(probe(id + "-http", id, ProbeKind.HTTP, "https://www.facebook.com/", interval, timeout, null));
            case CatalogPlatforms.WHATSAPP ->
                out.add(probe(id + "-http", id, ProbeKind.HTTP, "https://web.whatsapp.com/", interval, timeout, null));
            case CatalogPlatforms.MESSENGER ->
                out.add(probe(id + "-http", id, ProbeKind.HTTP, "https://www.messenger.com/", interval, timeout, null));
            case CatalogPlatforms.TIKTOK ->
                out.add(probe(id + "-http", id, ProbeKind.HTTP, "https://www.tiktok.com/", interval, timeout, null));
            case CatalogPlatforms.YOUTUBE ->
                out.add(probe(id + "-http", id, ProbeKind.HTTP, "https://www.youtube.com/", interval, timeout, null));
            case CatalogPlatforms.X ->
                out.add(probe(
                        id + "-statuspage",
                        id,
                        ProbeKind.STATUSPAGE,
                        "https://api.twitterstat.us/api/v2/status.json",
                        interval,
                        timeout,
                        null));
            case CatalogPlatforms.SHOPIFY ->
                out.add(probe(
                        id + "-statuspage",
                        id,
                        ProbeKind.STATUSPAGE,
                        "https://www.shopifystatus.com/api/v2/status.json",
                        interval,
                        timeout,
                        null));
            case CatalogPlatforms.ETSY ->
                out.add(probe(
                        id + "-statuspage",
                        id,
                        ProbeKind.STATUSPAGE,
                        "https://www.etsystatus.com/api/v2/status.json",
                        interval,
                        timeout,
                        null));
            case CatalogPlatforms.GOOGLE_BUSINESS_PROFILE ->
                out.add(probe(
                        id + "-http", id, ProbeKind.HTTP, "https://business.google.com/", interval, timeout, null));
            default -> {}
        }
        if (META_ORGS.containsKey(id)) {
            out.add(probe(
                    id + "-meta",
                    id,
                    ProbeKind.META_STATUS,
                    "https://metastatus.com/data/orgs.json",
                    interval,
                    timeout,
                    META_ORGS.get(id)));
        }
        out.add(probe(id + "-dns", id, ProbeKind.DNS, dnsHost(out.get(0).target()), interval, timeout, null));
        return out;
    }

    private static String dnsHost(String url) {
        return URI.create(url).getHost();
    }

    private static ProbeDefinition probe(
            String probeId,
            String platformId,
            ProbeKind kind,
            String target,
            Duration interval,
            Duration timeout,
            String component) {
        return new ProbeDefinition(
                probeId,
                platformId,
                kind,
                target,
                interval,
                timeout,
                1,
                Duration.ofSeconds(2),
                null,
                null,
                null,
                component);
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(CatalogPlatforms.INSTAGRAM, "Instagram");
        names.put(CatalogPlatforms.FACEBOOK, "Facebook");
        names.put(CatalogPlatforms.WHATSAPP, "WhatsApp (incl. Business API)");
        names.put(CatalogPlatforms.MESSENGER, "Messenger");
        names.put(CatalogPlatforms.TIKTOK, "TikTok");
        names.put(CatalogPlatforms.YOUTUBE, "YouTube");
        names.put(CatalogPlatforms.X, "X");
        names.put(CatalogPlatforms.SHOPIFY, "Shopify");
        names.put(CatalogPlatforms.ETSY, "Etsy");
        names.put(CatalogPlatforms.GOOGLE_BUSINESS_PROFILE, "Google Business Profile");
        return Collections.unmodifiableMap(names);
    }
}
