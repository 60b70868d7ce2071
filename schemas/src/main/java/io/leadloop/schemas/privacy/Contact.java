package io.leadloop.schemas.privacy;

/**
 * What identifies a person on a lead: the fields sealed into {@code LeadDetails.sealedContact}. Every field may be
 * {@code null}; all are {@code null} once the person was erased ({@link #NONE}).
 */
public record Contact(String email, String phone, String firstName, String lastName, String jobTitle) {

    /** Nothing known: an erased person, or a lead that came without contact fields. */
    public static final Contact NONE = new Contact(null, null, null, null, null);

    public boolean isEmpty() {
        return email == null && phone == null && firstName == null && lastName == null && jobTitle == null;
    }
}
