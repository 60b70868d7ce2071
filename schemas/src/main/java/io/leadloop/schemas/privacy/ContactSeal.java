package io.leadloop.schemas.privacy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link Contact} with a person's AES-256-GCM key (JDK crypto, no library) and opens it again.
 *
 * <p>Layout: {@code version(1) | keyId length(2) | keyId (UTF-8) | IV(12) | ciphertext with 16-byte tag}. The key id
 * travels in clear so a reader knows which key to ask for, and is part of the additional authenticated data, so a
 * sealed value cannot be re-labelled to another key. A fresh random IV per seal: never reuse one under a GCM key.
 */
public final class ContactSeal {

    static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "leadloop.sealed-contact.v1|";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContactSeal() {
    }

    /** A new random 256-bit key. */
    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has AES", e);
        }
    }

    public static SecretKey keyFrom(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("A person's key is 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static byte[] seal(Contact contact, String keyId, SecretKey key) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] keyIdBytes = keyId.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(keyId));
            byte[] sealed = cipher.doFinal(plain(contact));
            return ByteBuffer.allocate(1 + 2 + keyIdBytes.length + IV_BYTES + sealed.length)
                    .put(VERSION).putShort((short) keyIdBytes.length).put(keyIdBytes).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a contact", e);
        }
    }

    /** The key id a sealed value names (readable without the key). */
    public static String keyIdOf(byte[] sealed) {
        ByteBuffer buffer = ByteBuffer.wrap(sealed);
        if (buffer.get() != VERSION) {
            throw new IllegalArgumentException("Unknown sealed contact version " + sealed[0]);
        }
        byte[] keyId = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(keyId);
        return new String(keyId, StandardCharsets.UTF_8);
    }

    /**
     * The contact, or empty when its key is not known (shredded: the person was erased). A value that was tampered
     * with, or sealed under another key id, fails with {@link IllegalArgumentException}: that is not an erasure.
     */
    public static Optional<Contact> open(byte[] sealed, PersonKeyLookup keys) {
        String keyId = keyIdOf(sealed);
        Optional<SecretKey> key = keys.key(keyId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        int offset = 1 + 2 + keyId.getBytes(StandardCharsets.UTF_8).length;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, offset, IV_BYTES));
            cipher.updateAAD(aad(keyId));
            byte[] plain = cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES);
            return Optional.of(contactOf(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Sealed contact under key " + keyId + " does not open: " + e, e);
        }
    }

    private static byte[] aad(String keyId) {
        return (AAD_PREFIX + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] plain(Contact contact) {
        var bytes = new ByteArrayOutputStream(128);
        try (var out = new DataOutputStream(bytes)) {
            for (String field : new String[] {contact.email(), contact.phone(), contact.firstName(),
                    contact.lastName(), contact.jobTitle()}) {
                out.writeBoolean(field != null);
                if (field != null) {
                    out.writeUTF(field);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Contact contactOf(byte[] plain) {
        try (var in = new DataInputStream(new java.io.ByteArrayInputStream(plain))) {
            String[] fields = new String[5];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = in.readBoolean() ? in.readUTF() : null;
            }
            return new Contact(fields[0], fields[1], fields[2], fields[3], fields[4]);
        } catch (IOException e) {
            throw new IllegalArgumentException("A sealed contact opened to something unreadable", e);
        }
    }
}
