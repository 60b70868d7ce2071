package io.leadloop.intake.batch;

import java.util.List;

/**
 * The answer to a batch: one result per item, in the request's order.
 *
 * @param accepted items taken (202), repeats included
 * @param rejected items not taken (every other status); {@code accepted + rejected} is the batch size
 * @param retryable of the rejected, those worth resending as they are (503)
 * @param results per item, {@code results[i].index == i}
 */
record BatchResult(int accepted, int rejected, int retryable, List<ItemResult> results) {

    static BatchResult of(List<ItemResult> results) {
        int accepted = (int) results.stream().filter(r -> r.status() == 202).count();
        int retryable = (int) results.stream().filter(r -> r.status() == 503).count();
        return new BatchResult(accepted, results.size() - accepted, retryable, List.copyOf(results));
    }

    /** Nothing was taken and all of it is worth resending: the whole batch answers 503, as a single lead would. */
    boolean allUnavailable() {
        return retryable == results.size();
    }
}
