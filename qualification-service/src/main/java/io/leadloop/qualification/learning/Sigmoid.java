package io.leadloop.qualification.learning;

final class Sigmoid {

    private Sigmoid() {
    }

    static double of(double logOdds) {
        return 1 / (1 + Math.exp(-logOdds));
    }
}
