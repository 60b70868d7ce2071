package io.leadloop.faults;

/**
 * One fault, injected into the running system while the load runs. It returns once the system has been healed
 * (the part restarted, resumed, the outage over) and calls {@link FaultContext#healed()} at that moment: recovery
 * time is measured from injection to the system being whole again.
 */
@FunctionalInterface
interface Fault {

    void inject(FaultContext context) throws Exception;
}
