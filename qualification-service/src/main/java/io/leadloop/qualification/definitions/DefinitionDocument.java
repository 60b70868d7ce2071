package io.leadloop.qualification.definitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.leadloop.qualification.scoring.DefinitionParameters;

/**
 * A lead definition version as a JSON document: its version, the MQL threshold, the priority tiers, the parameters
 * of every built-in rule and the disqualifier switches. Every field is required, so a document says everything a
 * score depends on and two versions can be compared field by field.
 *
 * <pre>{@code
 * {"version": "2026-q2", "mqlThreshold": 50, "priority": {"hot": 75, "warm": 50},
 *  "rules": {"jobTitle": {"decisionMaker": 20, "manager": 10},
 *            "companySize": [{"minEmployees": 1000, "points": 20}, ...],
 *            "emailDomain": {"corporate": 10, "freeMail": -5}, "firmographics": {"industryKnown": 3, "countryKnown": 2},
 *            "visits": {"atLeast": 3, "points": 10}, "timeOnSite": {"atLeast": 300, "points": 10},
 *            "pageViews": {"atLeast": 5, "points": 5},
 *            "highIntentForm": {"forms": ["demo-request", "contact-sales"], "points": 15}},
 *  "disqualifiers": {"noConsent": true, "studentOrJobSeeker": true}}
 * }</pre>
 */
public final class DefinitionDocument {

    /** Letters, digits, dot, dash, underscore; no leading punctuation, so it is safe in a URL path and a topic key. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Points a single rule may give or take: wide enough for any sensible scale, narrow enough to catch typos. */
    private static final int MAX_POINTS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String version;
    private final JsonNode tree;
    private final DefinitionParameters parameters;

    private DefinitionDocument(String version, JsonNode tree, DefinitionParameters parameters) {
        this.version = version;
        this.tree = tree;
        this.parameters = parameters;
    }

    /**
     * Reads and validates a proposed document.
     *
     * @throws InvalidDefinitionException naming every bad field by its JSON pointer
     */
    public static DefinitionDocument parse(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json == null ? "" : json);
        } catch (JacksonException notJson) {
            throw new InvalidDefinitionException(List.of(new Violation("", "Not a JSON document: "
                    + notJson.getOriginalMessage())));
        }
        List<Violation> violations = new Validation().validate(tree);
        if (!violations.isEmpty()) {
            throw new InvalidDefinitionException(violations);
        }
        return new DefinitionDocument(tree.get("version").asString(), tree,
                JSON.treeToValue(tree, DefinitionParameters.class));
    }

    /** The document of a definition given by its parameters (the built-in one). */
    public static DefinitionDocument of(String version, DefinitionParameters parameters) {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("version", version);
        tree.setAll((ObjectNode) JSON.valueToTree(parameters));
        return new DefinitionDocument(version, tree, parameters);
    }

    public String version() {
        return version;
    }

    public DefinitionParameters parameters() {
        return parameters;
    }

    public JsonNode tree() {
        return tree.deepCopy();
    }

    public String json() {
        return JSON.writeValueAsString(tree);
    }

    /**
     * What this document changes against another (the active one): every field whose value differs, by JSON
     * pointer, the version field aside. Lists of plain values (the high-intent forms) compare as one field; the
     * company-size tiers compare tier by tier.
     */
    public List<Change> changesAgainst(DefinitionDocument active) {
        Map<String, JsonNode> mine = leaves(tree);
        Map<String, JsonNode> theirs = leaves(active.tree);
        Set<String> paths = new LinkedHashSet<>(theirs.keySet());
        paths.addAll(mine.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            JsonNode before = theirs.get(path);
            JsonNode after = mine.get(path);
            if (path.equals("/version") || (before != null && before.equals(after))) {
                continue;
            }
            changes.add(new Change(path, before, after));
        }
        return changes;
    }

    /**
     * One field that differs.
     *
     * @param path JSON pointer of the field
     * @param active its value in the active definition; null if it has none
     * @param proposed its value in the proposed one; null if it has none
     */
    public record Change(String path, JsonNode active, JsonNode proposed) {
    }

    private static Map<String, JsonNode> leaves(JsonNode tree) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", tree, leaves);
        return leaves;
    }

    private static void collect(String pointer, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.properties().forEach(field -> collect(pointer + "/" + escape(field.getKey()), field.getValue(), leaves));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainer()) {
            for (int i = 0; i < node.size(); i++) {
                collect(pointer + "/" + i, node.get(i), leaves);
            }
        } else {
            leaves.put(pointer, node);
        }
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** Walks the tree once, collecting every problem rather than stopping at the first. */
    private static final class Validation {

        private final List<Violation> violations = new ArrayList<>();

        List<Violation> validate(JsonNode root) {
            if (!root.isObject()) {
                violations.add(new Violation("", "must be a JSON object"));
                return violations;
            }
            fields(root, "", "version", "mqlThreshold", "priority", "rules", "disqualifiers");
            JsonNode version = root.get("version");
            if (version == null || !version.isString() || !VERSION.matcher(version.asString()).matches()) {
                violations.add(new Violation("/version",
                        "required: 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit"));
            }
            integer(root, "", "mqlThreshold", 0, MAX_POINTS * 10);
            JsonNode priority = object(root, "", "priority", "hot", "warm");
            if (priority != null) {
                Integer hot = integer(priority, "/priority", "hot", 0, MAX_POINTS * 10);
                Integer warm = integer(priority, "/priority", "warm", 0, MAX_POINTS * 10);
                if (hot != null && warm != null && hot < warm) {
                    violations.add(new Violation("/priority/hot", "must not be below warm (" + warm + ")"));
                }
            }
            JsonNode rules = object(root, "", "rules", "jobTitle", "companySize", "emailDomain", "firmographics",
                    "visits", "timeOnSite", "pageViews", "highIntentForm");
            if (rules != null) {
                validateRules(rules);
            }
            JsonNode disqualifiers = object(root, "", "disqualifiers", "noConsent", "studentOrJobSeeker");
            if (disqualifiers != null) {
                bool(disqualifiers, "/disqualifiers", "noConsent");
                bool(disqualifiers, "/disqualifiers", "studentOrJobSeeker");
            }
            return violations;
        }

        private void validateRules(JsonNode rules) {
            JsonNode jobTitle = object(rules, "/rules", "jobTitle", "decisionMaker", "manager");
            if (jobTitle != null) {
                points(jobTitle, "/rules/jobTitle", "decisionMaker");
                points(jobTitle, "/rules/jobTitle", "manager");
            }
            JsonNode sizes = rules.get("companySize");
            if (sizes == null || !sizes.isArray()) {
                violations.add(new Violation("/rules/companySize",
                        "required: a list of {\"minEmployees\": n, \"points\": n} tiers (may be empty)"));
            } else {
                Set<Integer> seen = new LinkedHashSet<>();
                for (int i = 0; i < sizes.size(); i++) {
                    String at = "/rules/companySize/" + i;
                    JsonNode tier = sizes.get(i);
                    if (!tier.isObject()) {
                        violations.add(new Violation(at, "must be an object"));
                        continue;
                    }
                    fields(tier, at, "minEmployees", "points");
                    Integer min = integer(tier, at, "minEmployees", 1, Integer.MAX_VALUE);
                    points(tier, at, "points");
                    if (min != null && !seen.add(min)) {
                        violations.add(new Violation(at + "/minEmployees", "two tiers start at " + min));
                    }
                }
            }
            JsonNode email = object(rules, "/rules", "emailDomain", "corporate", "freeMail");
            if (email != null) {
                points(email, "/rules/emailDomain", "corporate");
                points(email, "/rules/emailDomain", "freeMail");
            }
            JsonNode firmographics = object(rules, "/rules", "firmographics", "industryKnown", "countryKnown");
            if (firmographics != null) {
                points(firmographics, "/rules/firmographics", "industryKnown");
                points(firmographics, "/rules/firmographics", "countryKnown");
            }
            for (String counter : List.of("visits", "timeOnSite", "pageViews")) {
                JsonNode threshold = object(rules, "/rules", counter, "atLeast", "points");
                if (threshold != null) {
                    integer(threshold, "/rules/" + counter, "atLeast", 1, Integer.MAX_VALUE);
                    points(threshold, "/rules/" + counter, "points");
                }
            }
            JsonNode forms = object(rules, "/rules", "highIntentForm", "forms", "points");
            if (forms != null) {
                points(forms, "/rules/highIntentForm", "points");
                JsonNode list = forms.get("forms");
                if (list == null || !list.isArray()) {
                    violations.add(new Violation("/rules/highIntentForm/forms", "required: a list of form ids"));
                } else {
                    for (int i = 0; i < list.size(); i++) {
                        if (!list.get(i).isString() || list.get(i).asString().isBlank()) {
                            violations.add(new Violation("/rules/highIntentForm/forms/" + i, "must be a form id"));
                        }
                    }
                }
            }
        }

        /** Unknown fields are errors: a misspelt field would otherwise silently keep its old value. */
        private void fields(JsonNode node, String pointer, String... known) {
            Set<String> allowed = Set.of(known);
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    violations.add(new Violation(pointer + "/" + escape(name), "unknown field; expected one of "
                            + String.join(", ", known)));
                }
            }
        }

        private JsonNode object(JsonNode parent, String pointer, String name, String... known) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isObject()) {
                violations.add(new Violation(pointer + "/" + name, "required: an object with " + String.join(", ", known)));
                return null;
            }
            fields(node, pointer + "/" + name, known);
            return node;
        }

        private Integer integer(JsonNode parent, String pointer, String name, int min, int max) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isInt()) {
                violations.add(new Violation(pointer + "/" + name, "required: a whole number"));
                return null;
            }
            int value = node.intValue();
            if (value < min || value > max) {
                violations.add(new Violation(pointer + "/" + name, "must be between " + min + " and " + max));
                return null;
            }
            return value;
        }

        private void points(JsonNode parent, String pointer, String name) {
            integer(parent, pointer, name, -MAX_POINTS, MAX_POINTS);
        }

        private void bool(JsonNode parent, String pointer, String name) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isBoolean()) {
                violations.add(new Violation(pointer + "/" + name, "required: true or false"));
            }
        }
    }
}
