package io.leadloop.handoff.assignment;

import java.time.LocalDate;

/**
 * A rep's load, for capacity and daily caps: open leads, and leads routed on the rep's current local day.
 *
 * @param day the local day {@code assignedOnDay} counts (the rep's calendar zone)
 */
record RepLoad(int openLeads, LocalDate day, int assignedOnDay) {

    static final RepLoad NONE = new RepLoad(0, null, 0);

    int assignedOn(LocalDate today) {
        return today.equals(day) ? assignedOnDay : 0;
    }

    RepLoad assigned(LocalDate today) {
        return new RepLoad(openLeads + 1, today, assignedOn(today) + 1);
    }

    RepLoad closed() {
        return new RepLoad(Math.max(0, openLeads - 1), day, assignedOnDay);
    }
}
