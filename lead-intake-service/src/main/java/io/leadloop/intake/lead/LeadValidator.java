package io.leadloop.intake.lead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadloop.events.Company;
import io.leadloop.events.Consent;
import io.leadloop.events.Engagement;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadSource;
import io.leadloop.events.Utm;

/**
 * Turns a submission into the normalised lead snapshot that travels on every event, or refuses it naming every
 * offending field by JSON pointer. Rules: email or phone is required; each given must be valid; counts are not
 * negative; a country is an ISO 3166 code; text fields and attributes have sane sizes.
 */
public final class LeadValidator {

    static final int MAX_TEXT = 500;
    static final int MAX_ATTRIBUTES = 200;
    static final int MAX_ATTRIBUTE_KEY = 200;
    static final int MAX_ATTRIBUTE_VALUE = 4_000;
    static final String DEFAULT_CHANNEL = "api";

    /** Ad click ids we keep, as the platforms name them in landing-page URLs. */
    static final java.util.Set<String> CLICK_IDS = java.util.Set.of("gclid", "gbraid", "wbraid", "fbclid",
            "li_fat_id", "msclkid", "ttclid");

    private final String defaultPhoneRegion;
    private final java.time.Clock clock;

    public LeadValidator(String defaultPhoneRegion, java.time.Clock clock) {
        this.defaultPhoneRegion = defaultPhoneRegion;
        this.clock = clock;
    }

    public LeadDetails validate(LeadSubmission submission) {
        var problems = new ArrayList<FieldProblem>();
        var lead = LeadDetails.newBuilder();

        String country = submission.company() == null ? null
                : country(submission.company().country(), "/company/country", problems);
        String email = blankToNull(submission.email());
        String phone = blankToNull(submission.phone());
        if (email == null && phone == null) {
            problems.add(new FieldProblem("/email", "email or phone is required"));
            problems.add(new FieldProblem("/phone", "email or phone is required"));
        }
        if (email != null) {
            lead.setEmail(EmailAddresses.normalise(email).orElseGet(() -> {
                problems.add(new FieldProblem("/email", "is not a valid email address"));
                return null;
            }));
        }
        if (phone != null) {
            lead.setPhone(PhoneNumbers.toE164(phone, country == null ? defaultPhoneRegion : country).orElseGet(() -> {
                problems.add(new FieldProblem("/phone", "is not a valid phone number"
                        + (phone.startsWith("+") ? "" : " (national numbers are read in region "
                        + (country == null ? defaultPhoneRegion : country) + "; use +<country code> otherwise)")));
                return null;
            }));
        }
        lead.setFirstName(text(submission.firstName(), "/firstName", problems));
        lead.setLastName(text(submission.lastName(), "/lastName", problems));
        lead.setJobTitle(text(submission.jobTitle(), "/jobTitle", problems));
        Map<String, String> landingPage = LandingPages.queryParameters(
                submission.source() == null ? null : submission.source().landingPage());
        lead.setCompany(withDomainFromEmail(company(submission.company(), country, problems), lead.getEmail()));
        lead.setSource(source(submission.source(), problems));
        lead.setUtm(utm(submission.utm(), landingPage, problems));
        lead.setEngagement(engagement(submission.engagement(), problems));
        lead.setConsent(consent(submission.consent(), problems));
        lead.setClickIds(clickIds(submission.clickIds(), landingPage, problems));
        lead.setAttributes(attributes(submission, problems));

        if (!problems.isEmpty()) {
            throw new InvalidLeadException(problems);
        }
        return lead.build();
    }

    private static Company company(LeadSubmission.Company company, String country, List<FieldProblem> problems) {
        if (company == null) {
            return null;
        }
        return Company.newBuilder()
                .setName(text(company.name(), "/company/name", problems))
                .setDomain(Optional.ofNullable(text(company.domain(), "/company/domain", problems))
                        .map(d -> d.toLowerCase(java.util.Locale.ROOT)).orElse(null))
                .setEmployees(count(company.employees(), "/company/employees", problems))
                .setIndustry(text(company.industry(), "/company/industry", problems))
                .setCountry(country)
                .build();
    }

    private static LeadSource source(LeadSubmission.Source source, List<FieldProblem> problems) {
        if (source == null) {
            return LeadSource.newBuilder().setChannel(DEFAULT_CHANNEL).build();
        }
        String channel = text(source.channel(), "/source/channel", problems);
        return LeadSource.newBuilder()
                .setChannel(channel == null ? DEFAULT_CHANNEL : channel)
                .setCampaignId(text(source.campaignId(), "/source/campaignId", problems))
                .setFormId(text(source.formId(), "/source/formId", problems))
                .setLandingPage(text(source.landingPage(), "/source/landingPage", problems))
                .build();
    }

    /** UTM fields as given, else as the landing page's URL carries them. */
    private static Utm utm(LeadSubmission.Utm utm, Map<String, String> landingPage, List<FieldProblem> problems) {
        var given = utm == null ? new LeadSubmission.Utm(null, null, null, null, null) : utm;
        var result = Utm.newBuilder()
                .setSource(text(firstOf(given.source(), landingPage.get("utm_source")), "/utm/source", problems))
                .setMedium(text(firstOf(given.medium(), landingPage.get("utm_medium")), "/utm/medium", problems))
                .setCampaign(text(firstOf(given.campaign(), landingPage.get("utm_campaign")), "/utm/campaign", problems))
                .setTerm(text(firstOf(given.term(), landingPage.get("utm_term")), "/utm/term", problems))
                .setContent(text(firstOf(given.content(), landingPage.get("utm_content")), "/utm/content", problems))
                .build();
        boolean empty = result.getSource() == null && result.getMedium() == null && result.getCampaign() == null
                && result.getTerm() == null && result.getContent() == null;
        return empty ? null : result;
    }

    /** Click ids as given, else from the landing page's URL; only the ids we know are kept as click ids. */
    private static Map<String, String> clickIds(Map<String, String> given, Map<String, String> landingPage,
            List<FieldProblem> problems) {
        var clickIds = new LinkedHashMap<String, String>();
        landingPage.forEach((name, value) -> {
            if (CLICK_IDS.contains(name) && !value.isBlank()) {
                clickIds.put(name, value.strip());
            }
        });
        given.forEach((name, value) -> {
            String id = text(value, "/clickIds/" + name, problems);
            if (id != null) {
                clickIds.put(name, id);
            }
        });
        return clickIds;
    }

    private Consent consent(LeadSubmission.Consent consent, List<FieldProblem> problems) {
        if (consent == null) {
            return null;
        }
        return Consent.newBuilder()
                .setMarketing(consent.marketing())
                .setSalesContact(consent.salesContact())
                .setText(text(consent.text(), "/consent/text", problems))
                .setVersion(text(consent.version(), "/consent/version", problems))
                .setCapturedAt(consent.capturedAt() == null ? clock.instant() : consent.capturedAt())
                .build();
    }

    /** A corporate email says where the person works: its domain is the company's when the lead names none. */
    private static Company withDomainFromEmail(Company company, String email) {
        if (email == null || (company != null && company.getDomain() != null)) {
            return company;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1);
        if (FreeMailDomains.contains(domain)) {
            return company;
        }
        return (company == null ? Company.newBuilder() : Company.newBuilder(company)).setDomain(domain).build();
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static Engagement engagement(LeadSubmission.Engagement engagement, List<FieldProblem> problems) {
        if (engagement == null) {
            return null;
        }
        return Engagement.newBuilder()
                .setVisits(count(engagement.visits(), "/engagement/visits", problems))
                .setTimeOnSiteSeconds(count(engagement.timeOnSiteSeconds(), "/engagement/timeOnSiteSeconds", problems))
                .setPageViews(count(engagement.pageViews(), "/engagement/pageViews", problems))
                .setLastActivity(text(engagement.lastActivity(), "/engagement/lastActivity", problems))
                .build();
    }

    /** Declared attributes plus every top-level field we have no column for, so nothing the sender said is lost. */
    private static Map<String, String> attributes(LeadSubmission submission, List<FieldProblem> problems) {
        var attributes = new LinkedHashMap<String, String>();
        submission.unknownFields().forEach((key, value) -> attributes.put(key, String.valueOf(value)));
        attributes.putAll(submission.attributes());
        if (attributes.size() > MAX_ATTRIBUTES) {
            problems.add(new FieldProblem("/attributes", "at most " + MAX_ATTRIBUTES + " attributes"));
            return Map.of();
        }
        attributes.forEach((key, value) -> {
            String pointer = "/attributes/" + key.replace("~", "~0").replace("/", "~1");
            if (key.length() > MAX_ATTRIBUTE_KEY) {
                problems.add(new FieldProblem(pointer, "attribute names are at most " + MAX_ATTRIBUTE_KEY + " characters"));
            } else if (value == null) {
                problems.add(new FieldProblem(pointer, "must not be null"));
            } else if (value.length() > MAX_ATTRIBUTE_VALUE) {
                problems.add(new FieldProblem(pointer, "at most " + MAX_ATTRIBUTE_VALUE + " characters"));
            }
        });
        attributes.values().removeIf(java.util.Objects::isNull);
        return attributes;
    }

    private static String country(String raw, String pointer, List<FieldProblem> problems) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        return Countries.toAlpha2(value).orElseGet(() -> {
            problems.add(new FieldProblem(pointer, "is not an ISO 3166 country code"));
            return null;
        });
    }

    private static Integer count(Integer value, String pointer, List<FieldProblem> problems) {
        if (value != null && value < 0) {
            problems.add(new FieldProblem(pointer, "must not be negative"));
        }
        return value;
    }

    private static String text(String raw, String pointer, List<FieldProblem> problems) {
        String value = blankToNull(raw);
        if (value != null && value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(pointer, "at most " + MAX_TEXT + " characters"));
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
