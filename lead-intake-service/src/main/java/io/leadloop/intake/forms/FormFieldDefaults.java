package io.leadloop.intake.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field names web forms commonly use (plain HTML, WordPress form plugins, landing-page builders), mapped to our
 * lead fields, so most forms need no {@code fieldMapping} at all. A source's configured mapping wins; names are
 * matched case-insensitively; anything else a form sends is kept as an attribute under its own name.
 */
final class FormFieldDefaults {

    private FormFieldDefaults() {
    }

    static final Map<String, String> MAPPING = mapping();

    private static Map<String, String> mapping() {
        var m = new LinkedHashMap<String, String>();
        names(m, "email", "email", "e-mail", "email_address", "emailaddress", "your-email", "work_email");
        names(m, "phone", "phone", "phone_number", "phonenumber", "tel", "telephone", "mobile", "your-phone");
        names(m, "firstName", "first_name", "firstname", "first-name", "fname", "given_name");
        names(m, "lastName", "last_name", "lastname", "last-name", "lname", "surname", "family_name");
        names(m, "fullName", "name", "full_name", "fullname", "your-name");
        names(m, "jobTitle", "job_title", "jobtitle", "title", "position", "role");
        names(m, "company.name", "company", "company_name", "organization", "organisation");
        names(m, "company.employees", "employees", "company_size", "number_of_employees");
        names(m, "company.industry", "industry");
        names(m, "company.country", "country", "country_code");
        names(m, "source.campaignId", "campaign_id", "campaignid");
        names(m, "source.formId", "form_id", "formid");
        names(m, "source.landingPage", "landing_page", "landingpage", "page_url", "page");
        for (String utm : List.of("source", "medium", "campaign", "term", "content")) {
            names(m, "utm." + utm, "utm_" + utm);
        }
        for (String clickId : List.of("gclid", "fbclid", "li_fat_id", "msclkid")) {
            names(m, "clickIds." + clickId, clickId);
        }
        names(m, "consent.marketing", "consent", "marketing_consent", "newsletter", "opt_in", "optin",
                "gdpr_consent");
        names(m, "consent.salesContact", "sales_consent", "contact_consent");
        names(m, "consent.text", "consent_text");
        names(m, "consent.version", "consent_version");
        return Map.copyOf(m);
    }

    private static void names(Map<String, String> mapping, String ours, String... formNames) {
        for (String name : formNames) {
            mapping.put(name, ours);
        }
    }
}
