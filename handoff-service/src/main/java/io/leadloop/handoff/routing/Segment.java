package io.leadloop.handoff.routing;

/** Company size bands for the segment rule. */
public enum Segment {
    /** Fewer than 100 employees. */
    SMB,
    /** 100 to 999 employees. */
    MID,
    /** 1,000 employees or more. */
    ENTERPRISE;

    public static Segment ofEmployees(int employees) {
        return employees < 100 ? SMB : employees < 1000 ? MID : ENTERPRISE;
    }
}
