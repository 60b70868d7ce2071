package io.leadloop.qualification.definitions;

/** No definition was proposed under this version. */
public class UnknownDefinitionException extends RuntimeException {

    private final String version;

    public UnknownDefinitionException(String version) {
        super("No lead definition was proposed under version '" + version + "'");
        this.version = version;
    }

    public String version() {
        return version;
    }
}
