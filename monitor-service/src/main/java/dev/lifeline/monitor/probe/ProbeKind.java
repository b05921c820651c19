package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The ways a platform can be probed; names as they appear in the REST API. */
public enum ProbeKind {
    @JsonProperty("http")
    HTTP,
    @JsonProperty("statuspage")
    STATUSPAGE,
    @JsonProperty("meta-status")
    META_STATUS,
    @JsonProperty("dns")
    DNS,
    @JsonProperty("tcp")
    TCP;

    public String wireName() {
        return switch (this) {
            case HTTP -> "http";
            case STATUSPAGE -> "statuspage";
            case META_STATUS -> "meta-status";
            case DNS -> "dns";
            case TCP -> "tcp";
        };
    }

    public static ProbeKind fromWire(String name) {
        for (ProbeKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
