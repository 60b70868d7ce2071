package io.leadloop.schemas.privacy;

import java.nio.ByteBuffer;

import io.leadloop.events.LeadDetails;

/**
 * The one way consumers read a lead's personal fields: from {@code sealedContact} when the producer sealed them
 * (opened with the person's key), else from the plaintext fields older producers wrote. Once a person is erased
 * their key is gone and every copy of their contact opens to {@link Contact#NONE}.
 */
public final class PersonalData {

    private final PersonKeyLookup keys;

    public PersonalData(PersonKeyLookup keys) {
        this.keys = keys;
    }

    /** For code that only meets plaintext (tests, tools): sealed contacts open to {@link Contact#NONE}. */
    public static PersonalData plaintextOnly() {
        return new PersonalData(PersonKeyLookup.none());
    }

    public Contact contactOf(LeadDetails lead) {
        ByteBuffer sealed = lead.getSealedContact();
        if (sealed == null) {
            return new Contact(lead.getEmail(), lead.getPhone(), lead.getFirstName(), lead.getLastName(),
                    lead.getJobTitle());
        }
        return ContactSeal.open(bytesOf(sealed), keys).orElse(Contact.NONE);
    }

    /**
     * A shallow copy of the lead with the contact in the plaintext fields and no sealed value: for code that reads
     * the plaintext fields (scoring rules, routing, a CRM's JSON). Never publish or store what this returns.
     */
    public LeadDetails opened(LeadDetails lead) {
        if (lead == null || lead.getSealedContact() == null) {
            return lead;
        }
        Contact contact = contactOf(lead);
        LeadDetails copy = new LeadDetails();
        for (int field = 0; field < LeadDetails.SCHEMA$.getFields().size(); field++) {
            copy.put(field, lead.get(field));
        }
        copy.setEmail(contact.email());
        copy.setPhone(contact.phone());
        copy.setFirstName(contact.firstName());
        copy.setLastName(contact.lastName());
        copy.setJobTitle(contact.jobTitle());
        copy.setSealedContact(null);
        return copy;
    }

    /**
     * The lead without anything personal: plaintext and sealed contact removed, the rest (company, source,
     * campaign, consent) kept. What read models keep of an erased person's lead.
     */
    public static LeadDetails blanked(LeadDetails lead) {
        if (lead == null) {
            return null;
        }
        LeadDetails copy = new LeadDetails();
        for (int field = 0; field < LeadDetails.SCHEMA$.getFields().size(); field++) {
            copy.put(field, lead.get(field));
        }
        copy.setEmail(null);
        copy.setPhone(null);
        copy.setFirstName(null);
        copy.setLastName(null);
        copy.setJobTitle(null);
        copy.setSealedContact(null);
        return copy;
    }

    /**
     * Seals the lead's plaintext contact under the person's key: the copy carries {@code personId} and
     * {@code sealedContact} and {@code null} in every plaintext contact field. What producers publish.
     */
    public static LeadDetails sealed(LeadDetails lead, String personId, String keyId, javax.crypto.SecretKey key) {
        Contact contact = new Contact(lead.getEmail(), lead.getPhone(), lead.getFirstName(), lead.getLastName(),
                lead.getJobTitle());
        LeadDetails copy = blanked(lead);
        copy.setPersonId(personId);
        copy.setSealedContact(ByteBuffer.wrap(ContactSeal.seal(contact, keyId, key)));
        return copy;
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
