package io.leadloop.feedback.funnel.state;

import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import tools.jackson.databind.ObjectMapper;
import io.leadloop.security.state.StateFormat;

/**
 * The formats of the funnel's state: {@link LeadFunnel} (store {@code lead-funnels}, read and written once per
 * event) and {@link FunnelNumbers} (store {@code funnel-numbers} and its repartition topic). Both are at version 1;
 * see {@link StateFormat} for how a version 2 would be added.
 */
public final class FunnelStateFormats {

    /** The version byte of {@code lead-funnel.v1.avsc} and {@code funnel-numbers.v1.avsc}. */
    public static final int V1 = 0x01;

    private FunnelStateFormats() {
    }

    /** @param json reads the values written before the binary format, as the JSON serde wrote them */
    public static StateFormat<LeadFunnel> leadFunnel(ObjectMapper json) {
        return StateFormat.of("lead-funnel", LeadFunnel.class, V1, LeadFunnelCodec.SCHEMA, new LeadFunnelCodec(),
                json);
    }

    /** @param json reads the values written before the binary format, as the JSON serde wrote them */
    public static StateFormat<FunnelNumbers> funnelNumbers(ObjectMapper json) {
        return StateFormat.of("funnel-numbers", FunnelNumbers.class, V1, FunnelNumbersCodec.SCHEMA,
                new FunnelNumbersCodec(), json);
    }
}
