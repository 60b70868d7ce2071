package io.leadloop.benchquality;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One row of a data set as the replay sends it: the intake body, and the outcome fed back later.
 *
 * @param rowId the data set's own id of the row, for the results
 * @param body the JSON body for {@code POST /api/v1/leads}
 * @param won the outcome: WON (with {@code amount}) or LOST
 * @param amount revenue reported with a win
 */
record ReplayLead(String rowId, Map<String, Object> body, boolean won, BigDecimal amount) {
}
