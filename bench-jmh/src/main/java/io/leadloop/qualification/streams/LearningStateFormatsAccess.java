package io.leadloop.qualification.streams;

import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.security.state.StateFormat;
import tools.jackson.databind.ObjectMapper;

/**
 * Benchmark-only window on qualification's package-private {@link LearningStateFormats}; lives in this module, not
 * in the service.
 */
public final class LearningStateFormatsAccess {

    private LearningStateFormatsAccess() {
    }

    public static StateFormat<LeadLearningState> leadLearningState(ObjectMapper json) {
        return LearningStateFormats.leadLearningState(json);
    }
}
