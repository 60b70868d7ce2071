package io.leadloop.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadSource;

class PersonalDataTest {

    static {
        io.leadloop.schemas.serde.TrustedAvroPackages.install();
    }

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final PersonalData personalData = new PersonalData(keyId -> Optional.ofNullable(keys.get(keyId)));

    @Test
    void opensWhatWasSealedWithThePersonsKey() {
        LeadDetails sealed = sealedLead("person-1", "person-1:a");

        assertThat(personalData.contactOf(sealed))
                .isEqualTo(new Contact("ana.silva@acme.io", "+14155550100", "Ana", "Silva", "VP Marketing"));
        assertThat(personalData.opened(sealed).getEmail()).isEqualTo("ana.silva@acme.io");
        assertThat(personalData.opened(sealed).getSource().getCampaignId()).isEqualTo("spring-launch");
    }

    @Test
    void sealedLeadsCarryNoPlaintextContactAnywhere() throws Exception {
        LeadDetails sealed = sealedLead("person-1", "person-1:a");

        assertThat(sealed.getEmail()).isNull();
        assertThat(sealed.getPhone()).isNull();
        assertThat(sealed.getFirstName()).isNull();
        assertThat(sealed.getLastName()).isNull();
        assertThat(sealed.getJobTitle()).isNull();
        assertThat(sealed.getPersonId()).isEqualTo("person-1");
        String serialised = new String(sealed.toByteBuffer().array(), StandardCharsets.ISO_8859_1);
        assertThat(serialised).doesNotContain("ana.silva", "Silva", "5550100", "VP Marketing");
    }

    @Test
    void aShreddedKeyOpensToNothingOnEveryCopy() {
        LeadDetails sealed = sealedLead("person-1", "person-1:a");
        LeadDetails copy = LeadDetails.newBuilder(sealed).build();

        keys.remove("person-1:a");

        assertThat(personalData.contactOf(sealed)).isEqualTo(Contact.NONE);
        assertThat(personalData.contactOf(copy).isEmpty()).isTrue();
        assertThat(personalData.opened(copy).getEmail()).isNull();
        assertThat(personalData.opened(copy).getSource().getCampaignId()).isEqualTo("spring-launch");
    }

    @Test
    void readsPlaintextFromProducersThatDidNotSeal() {
        LeadDetails plaintext = lead();

        assertThat(PersonalData.plaintextOnly().contactOf(plaintext).email()).isEqualTo("ana.silva@acme.io");
        assertThat(PersonalData.plaintextOnly().opened(plaintext)).isSameAs(plaintext);
    }

    @Test
    void refusesASealedValueRelabelledToAnotherKey() {
        byte[] sealed = ContactSeal.seal(new Contact("a@b.io", null, null, null, null), "p:1", key("p:1"));
        key("p:2");
        byte[] relabelled = sealed.clone();
        // Same length key id, last character changed: the ciphertext now claims key p:2.
        int keyIdEnd = 1 + 2 + "p:1".length() - 1;
        relabelled[keyIdEnd] = '2';
        keys.put("p:2", keys.get("p:1"));

        assertThatThrownBy(() -> ContactSeal.open(relabelled, keyId -> Optional.ofNullable(keys.get(keyId))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not open");
    }

    @Test
    void refusesATamperedCiphertext() {
        byte[] sealed = ContactSeal.seal(new Contact("a@b.io", null, null, null, null), "p:1", key("p:1"));
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> ContactSeal.open(sealed, keyId -> Optional.ofNullable(keys.get(keyId))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealsTheSameContactDifferentlyEachTime() {
        SecretKey key = key("p:1");
        Contact contact = new Contact("a@b.io", null, "A", null, null);

        assertThat(ContactSeal.seal(contact, "p:1", key)).isNotEqualTo(ContactSeal.seal(contact, "p:1", key));
        assertThat(ContactSeal.keyIdOf(ContactSeal.seal(contact, "p:1", key))).isEqualTo("p:1");
    }

    @Test
    void blankingKeepsTheCampaignFactsAndDropsThePerson() {
        LeadDetails blanked = PersonalData.blanked(sealedLead("person-1", "person-1:a"));

        assertThat(blanked.getSealedContact()).isNull();
        assertThat(blanked.getEmail()).isNull();
        assertThat(blanked.getSource().getCampaignId()).isEqualTo("spring-launch");
    }

    private LeadDetails sealedLead(String personId, String keyId) {
        return PersonalData.sealed(lead(), personId, keyId, key(keyId));
    }

    private SecretKey key(String keyId) {
        return keys.computeIfAbsent(keyId, id -> ContactSeal.newKey());
    }

    private static LeadDetails lead() {
        return LeadDetails.newBuilder().setEmail("ana.silva@acme.io").setPhone("+14155550100").setFirstName("Ana")
                .setLastName("Silva").setJobTitle("VP Marketing")
                .setSource(LeadSource.newBuilder().setChannel("api").setCampaignId("spring-launch").build())
                .build();
    }

    @SuppressWarnings("unused")
    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
