package io.leadloop.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request, for the checks a URL rule cannot make (object-level checks, the approver's
 * identity). While access control is off (no issuer and no key configured: a developer's machine) there is no
 * caller and {@link #enforced()} is false, and services behave as they did before authentication existed.
 */
public final class Callers {

    private final boolean enforced;

    Callers(boolean enforced) {
        this.enforced = enforced;
    }

    /** Whether requests are authenticated at all; false when the APIs are open (warned about at start-up). */
    public boolean enforced() {
        return enforced;
    }

    /** The authenticated caller; empty when access control is off. */
    public Optional<Caller> current() {
        if (!enforced) {
            return Optional.empty();
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return Optional.ofNullable(CallerAuthentication.callerOf(authentication));
    }

    /**
     * Whether the current request may act on a lead owned by this rep and team: always when access control is off,
     * else by {@link Caller#mayActOnLeadOf}.
     */
    public boolean mayActOnLeadOf(String ownerRepId, String ownerTeam) {
        return !enforced || current().map(caller -> caller.mayActOnLeadOf(ownerRepId, ownerTeam)).orElse(false);
    }

    /** Callers for tests of code that takes a {@code Callers}: access control off, or on. */
    public static Callers open() {
        return new Callers(false);
    }

    public static Callers enforcing() {
        return new Callers(true);
    }
}
