package io.leadloop.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 instantiates generated classes only from trusted packages; ours is {@code io.leadloop.events}.
* Installed once per JVM, before anything copies or reads events (deep copies load generated classes by name),
 * on top of whatever the JVM already trusts (including
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}).
 */
public final class TrustedAvroPackages {

    static final String EVENTS_PACKAGE = "io.leadloop.events";

    private static volatile boolean installed;

    private TrustedAvroPackages() {
    }

    /** Idempotent; every service calls it at class-load time of its application class, and every serde does. */
    public static void install() {
        if (installed) {
            return;
        }
        synchronized (TrustedAvroPackages.class) {
            if (!installed) {
                ClassSecurityValidator.ClassSecurityPredicate before = ClassSecurityValidator.getGlobal();
                ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(before,
                        type -> type.getPackageName().equals(EVENTS_PACKAGE)));
                installed = true;
            }
        }
    }
}
