package io.leadloop.handoff.web;

/** No rep with this id is on the roster. */
class RepNotFoundException extends RuntimeException {

    private final String repId;

    RepNotFoundException(String repId) {
        super("No rep " + repId + " on the roster");
        this.repId = repId;
    }

    String repId() {
        return repId;
    }
}
