package dev.lifeline.outreach.sender;

import java.util.UUID;

/** The key that signs a business's mail: domain ({@code d=}), selector ({@code s=}) and private key (PKCS#8, base64). */
public record DkimSigning(UUID keyId, String domain, String selector, String privateKey) {

    /** Without the private key: a record's default toString would print it into any log line or exception. */
    @Override
    public String toString() {
        return "DkimSigning[" + domain + ", " + selector + "]";
    }
}
