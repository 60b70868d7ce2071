package io.leadloop.benchquality;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two public data sets as replays. Neither has contact data, which intake needs: each row gets deterministic
 * fake contact fields (derived from its own id, so every run sends the same leads). The data set's columns go
 * into {@code engagement} where intake has a field for them, the rest into {@code attributes}.
 */
final class Datasets {

    /** Sales notes written after contact: using them would leak the outcome (see the data set's README). */
    static final Set<String> X_EDUCATION_LEAKY = Set.of("Tags", "Lead Quality");
    private static final Set<String> X_EDUCATION_NOT_FEATURES = Set.of("Prospect ID", "Lead Number", "Converted",
            "TotalVisits", "Total Time Spent on Website");
    private static final List<String> FREE_MAIL = List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com");

    private Datasets() {
    }

    /** x-education's Leads.csv in row order; converted = won. */
    static List<ReplayLead> xEducation(Path dir) throws IOException {
        List<ReplayLead> leads = new ArrayList<>();
        for (Map<String, String> row : Csv.read(dir.resolve("Leads.csv"))) {
            String id = row.get("Prospect ID");
            Map<String, Object> engagement = new LinkedHashMap<>();
            Integer visits = integer(row.get("TotalVisits"));
            engagement.put("visits", visits);
            engagement.put("timeOnSiteSeconds", integer(row.get("Total Time Spent on Website")));
            Double perVisit = decimal(row.get("Page Views Per Visit"));
            engagement.put("pageViews", visits == null || perVisit == null ? null : (int) Math.round(visits * perVisit));
            engagement.put("lastActivity", answered(row.get("Last Activity")));
            Map<String, String> attributes = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!X_EDUCATION_NOT_FEATURES.contains(column) && !X_EDUCATION_LEAKY.contains(column)
                        && answered(value) != null) {
                    attributes.put(column, value.trim());
                }
            });
            Map<String, Object> body = contact(id, "x-education");
            body.put("engagement", engagement);
            body.put("attributes", attributes);
            leads.add(new ReplayLead(id, body, "1".equals(row.get("Converted")), BigDecimal.ONE));
        }
        return leads;
    }

    /** Olist's MQLs in first-contact order (file order among equal dates); won = it has a closed deal. */
    static List<ReplayLead> olist(Path dir) throws IOException {
        Map<String, BigDecimal> deals = new HashMap<>();
        for (Map<String, String> deal : Csv.read(dir.resolve("olist_closed_deals_dataset.csv"))) {
            Double revenue = decimal(deal.get("declared_monthly_revenue"));
            deals.put(deal.get("mql_id"), BigDecimal.valueOf(revenue == null ? 0 : revenue).setScale(2,
                    java.math.RoundingMode.HALF_UP));
        }
        List<Map<String, String>> mqls = new ArrayList<>(Csv.read(dir.resolve("olist_marketing_qualified_leads_dataset.csv")));
        mqls.sort(Comparator.comparing(row -> firstContact(row.get("first_contact_date"))));
        List<ReplayLead> leads = new ArrayList<>();
        for (Map<String, String> row : mqls) {
            String id = row.get("mql_id");
            Map<String, String> attributes = new LinkedHashMap<>();
            if (answered(row.get("landing_page_id")) != null) {
                attributes.put("landing_page_id", row.get("landing_page_id"));
            }
            if (answered(row.get("origin")) != null) {
                attributes.put("origin", row.get("origin"));
            }
            Map<String, Object> body = contact(id, "olist");
            body.put("attributes", attributes);
            leads.add(new ReplayLead(id, body, deals.containsKey(id), deals.getOrDefault(id, BigDecimal.ONE)));
        }
        return leads;
    }

    private static LocalDate firstContact(String value) {
        String trimmed = value.trim();
        return trimmed.matches("\\d{4}-\\d{2}-\\d{2}")
                ? LocalDate.parse(trimmed)
                : LocalDate.parse(trimmed, DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    /** Fake but stable contact data: the row id decides name and mail provider; never a real person. */
    private static Map<String, Object> contact(String rowId, String dataset) {
        int hash = Math.floorMod(rowId.hashCode(), 1_000_003);
        String local = "lead." + rowId.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", local + "@" + FREE_MAIL.get(hash % FREE_MAIL.size()));
        body.put("firstName", "Lead");
        body.put("lastName", "R" + hash);
        body.put("source", Map.of("channel", "api", "campaignId", dataset));
        return body;
    }

    static boolean available(Path dir, String... files) {
        for (String file : files) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                return false;
            }
        }
        return true;
    }

    /** Blank and the form's unselected default {@code Select} mean "not answered". */
    static String answered(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("select")) {
            return null;
        }
        return value.trim();
    }

    private static Integer integer(String value) {
        Double number = decimal(value);
        return number == null ? null : (int) Math.round(number);
    }

    private static Double decimal(String value) {
        if (answered(value) == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
