package io.leadloop.schemas.privacy;

import java.util.Optional;

import javax.crypto.SecretKey;

/** Where a person's data key is looked up by its key id; empty once the key was shredded (or never existed). */
@FunctionalInterface
public interface PersonKeyLookup {

    Optional<SecretKey> key(String keyId);

    /** For services and tests that only ever see plaintext events: no key is known. */
    static PersonKeyLookup none() {
        return keyId -> Optional.empty();
    }
}
