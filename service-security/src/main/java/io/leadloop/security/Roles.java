package io.leadloop.security;

/**
 * The roles of the {@code leadloop_roles} claim (see docs/security-and-privacy.md, "Callers and roles"). Spring
 * Security sees each as the authority {@code ROLE_<role>}, so rules read {@code hasRole(Roles.ADMIN)}.
 */
public final class Roles {

    public static final String MARKETING = "marketing";
    public static final String MARKETING_APPROVER = "marketing-approver";
    public static final String SALES = "sales";
    public static final String SALES_APPROVER = "sales-approver";
    public static final String SALES_MANAGER = "sales-manager";
    public static final String ADMIN = "admin";
    /** CRMs and scripts: API-key callers have exactly this role. */
    public static final String INTEGRATION = "integration";

    /** Every role, for rules that any authenticated LeadLoop caller passes. */
    public static final String[] ALL = {MARKETING, MARKETING_APPROVER, SALES, SALES_APPROVER, SALES_MANAGER, ADMIN,
        INTEGRATION};

    /** The JWT claims LeadLoop reads besides {@code sub}. */
    public static final String ROLES_CLAIM = "leadloop_roles";
    public static final String REP_ID_CLAIM = "leadloop_rep_id";
    public static final String TEAM_CLAIM = "leadloop_team";

    static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {
    }
}
