package io.leadloop.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link LeadLoopInfrastructure} before a test class, so that a {@code @SpringBootTest} built afterwards
 * connects to the real broker and registry. Use through {@link WithRealInfrastructure}.
 */
public final class RealInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        LeadLoopInfrastructure.get();
    }
}
