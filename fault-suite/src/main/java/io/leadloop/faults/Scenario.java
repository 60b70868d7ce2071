package io.leadloop.faults;

/**
 * One row of the suite's table: a fault and the load it runs under.
 *
 * @param id      short and stable, used on the command line ({@code -Dleadloop.faults.scenarios=2-broker-stop})
 * @param title   what is done, in the table
 * @param load    how the load behaves (e.g. with repeated deliveries)
 * @param fault   the fault itself
 * @param setup   what runs: the single-broker stack, with a second instance of every service beside the first
 *                (the load then spreads over both, as behind a load balancer), or a stack on a three-broker cluster
 */
record Scenario(String id, String title, LeadLoad.Options load, Fault fault, Setup setup) {

    enum Setup { ONE_BROKER, TWO_OF_EACH_SERVICE, THREE_BROKERS }

    Scenario(String id, String title, LeadLoad.Options load, Fault fault) {
        this(id, title, load, fault, Setup.ONE_BROKER);
    }
}
