package io.leadloop.localstack;

/** The answer of one health probe; {@code detail} is what a person reads when a part is not up yet. */
public record Health(boolean up, String detail) {

    static Health up(String detail) {
        return new Health(true, detail);
    }

    static Health down(String detail) {
        return new Health(false, detail);
    }

    @Override
    public String toString() {
        return (up ? "UP" : "DOWN") + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
    }
}
