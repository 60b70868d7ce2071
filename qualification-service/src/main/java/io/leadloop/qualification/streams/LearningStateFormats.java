package io.leadloop.qualification.streams;

import static io.leadloop.security.state.AvroState.fieldOrder;
import static io.leadloop.security.state.AvroState.fields;
import static io.leadloop.security.state.AvroState.nonNull;
import static io.leadloop.security.state.AvroState.readNull;
import static io.leadloop.security.state.AvroState.readNullableInstant;
import static io.leadloop.security.state.AvroState.readNullableString;
import static io.leadloop.security.state.AvroState.unknownField;
import static io.leadloop.security.state.AvroState.writeNull;
import static io.leadloop.security.state.AvroState.writeNullableInstant;
import static io.leadloop.security.state.AvroState.writeNullableString;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.OutcomeCounts;
import io.leadloop.qualification.learning.PendingOutcome;
import io.leadloop.qualification.learning.TrainingExample;
import io.leadloop.security.state.AvroState;
import io.leadloop.security.state.StateCodec;
import io.leadloop.security.state.StateFormat;
import tools.jackson.databind.ObjectMapper;

/**
 * The formats of learning's private state (issue 7): {@link LeadLearningState} (store {@code lead-learning}, read and
 * written for every capture and every outcome), {@link TrainingExample} (repartition topic
 * {@code training-examples}) and {@link OutcomeCounts} (store {@code campaign-outcomes}). A version byte, then Avro
 * binary of the {@code .avsc} beside this class; the JSON they were stored as before is still read
 * ({@link StateFormat}).
 */
final class LearningStateFormats {

    /** The version byte of the {@code *.v1.avsc} state schemas beside this class. */
    static final int V1 = 0x01;

    private LearningStateFormats() {
    }

    /** @param json reads values written before the binary format, as the JSON serde wrote them */
    static StateFormat<LeadLearningState> leadLearningState(ObjectMapper json) {
        return StateFormat.of("lead-learning", LeadLearningState.class, V1, LeadLearningStateCodec.SCHEMA,
                new LeadLearningStateCodec(), json);
    }

    static StateFormat<TrainingExample> trainingExample(ObjectMapper json) {
        return StateFormat.of("training-example", TrainingExample.class, V1, TrainingExampleCodec.SCHEMA,
                new TrainingExampleCodec(), json);
    }

    static StateFormat<OutcomeCounts> outcomeCounts(ObjectMapper json) {
        return StateFormat.of("outcome-counts", OutcomeCounts.class, V1, OutcomeCountsCodec.SCHEMA,
                new OutcomeCountsCodec(), json);
    }

    private static void writeStrings(Encoder out, List<String> values) throws IOException {
        out.writeArrayStart();
        out.setItemCount(values.size());
        for (String value : values) {
            out.startItem();
            out.writeString(value);
        }
        out.writeArrayEnd();
    }

    private static List<String> readStrings(Decoder in) throws IOException {
        List<String> values = new ArrayList<>();
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                values.add(in.readString());
            }
        }
        return values;
    }

    /** {@link LeadLearningState} ↔ {@code lead-learning-state.v1.avsc}. */
    static final class LeadLearningStateCodec implements StateCodec<LeadLearningState> {

        static final Schema SCHEMA = AvroState.schema(LearningStateFormats.class, "lead-learning-state.v1.avsc");

        private static final Schema.Field[] FIELDS = fields(SCHEMA);
        private static final Schema PENDING = SCHEMA.getField("pending").schema().getElementType();
        private static final Schema.Field[] PENDING_FIELDS = fields(PENDING);
        private static final Schema.Field[] INSTANT_FIELDS = fields(nonNull(PENDING.getField("keptAt").schema()));

        @Override
        public void write(LeadLearningState state, Encoder out) throws IOException {
            writeNullableString(out, state.segment());
            writeStrings(out, state.features());
            out.writeMapStart();
            out.setItemCount(state.labels().size());
            for (var label : state.labels().entrySet()) {
                out.startItem();
                out.writeString(label.getKey());
                out.writeBoolean(label.getValue());
            }
            out.writeMapEnd();
            out.writeArrayStart();
            out.setItemCount(state.pending().size());
            for (PendingOutcome outcome : state.pending()) {
                out.startItem();
                out.writeString(outcome.outcome());
                writeNullableString(out, outcome.reason());
                writeNullableInstant(out, outcome.keptAt());
            }
            out.writeArrayEnd();
        }

        @Override
        public LeadLearningState read(Decoder in) throws IOException {
            String segment = null;
            List<String> features = List.of();
            Map<String, Boolean> labels = Map.of();
            List<PendingOutcome> pending = List.of();
            for (Schema.Field field : fieldOrder(in, FIELDS)) {
                switch (field.name()) {
                    case "segment" -> segment = readNullableString(in);
                    case "features" -> features = readStrings(in);
                    case "labels" -> labels = readLabels(in);
                    case "pending" -> pending = readPending(in);
                    default -> throw unknownField(field);
                }
            }
            return new LeadLearningState(segment, features, labels, pending);
        }

        private static Map<String, Boolean> readLabels(Decoder in) throws IOException {
            Map<String, Boolean> labels = new HashMap<>();
            for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
                for (long i = 0; i < n; i++) {
                    labels.put(in.readString(), in.readBoolean());
                }
            }
            return labels;
        }

        private static List<PendingOutcome> readPending(Decoder in) throws IOException {
            List<PendingOutcome> pending = new ArrayList<>();
            for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
                for (long i = 0; i < n; i++) {
                    String outcome = null;
                    String reason = null;
                    Instant keptAt = null;
                    for (Schema.Field field : fieldOrder(in, PENDING_FIELDS)) {
                        switch (field.name()) {
                            case "outcome" -> outcome = in.readString();
                            case "reason" -> reason = readNullableString(in);
                            case "keptAt" -> keptAt = readNullableInstant(in, INSTANT_FIELDS);
                            default -> throw unknownField(field);
                        }
                    }
                    pending.add(new PendingOutcome(outcome, reason, keptAt));
                }
            }
            return pending;
        }
    }

    /** {@link TrainingExample} ↔ {@code training-example.v1.avsc}. */
    static final class TrainingExampleCodec implements StateCodec<TrainingExample> {

        static final Schema SCHEMA = AvroState.schema(LearningStateFormats.class, "training-example.v1.avsc");

        private static final Schema.Field[] FIELDS = fields(SCHEMA);

        @Override
        public void write(TrainingExample example, Encoder out) throws IOException {
            writeNullableString(out, example.leadId());
            out.writeString(example.segment());
            out.writeString(example.target());
            writeStrings(out, example.features());
            out.writeBoolean(example.positive());
            if (!writeNull(out, example.previous())) {
                out.writeBoolean(example.previous());
            }
        }

        @Override
        public TrainingExample read(Decoder in) throws IOException {
            String leadId = null;
            String segment = null;
            String target = null;
            List<String> features = List.of();
            boolean positive = false;
            Boolean previous = null;
            for (Schema.Field field : fieldOrder(in, FIELDS)) {
                switch (field.name()) {
                    case "leadId" -> leadId = readNullableString(in);
                    case "segment" -> segment = in.readString();
                    case "target" -> target = in.readString();
                    case "features" -> features = readStrings(in);
                    case "positive" -> positive = in.readBoolean();
                    case "previous" -> previous = readNull(in) ? null : in.readBoolean();
                    default -> throw unknownField(field);
                }
            }
            return new TrainingExample(leadId, segment, target, features, positive, previous);
        }
    }

    /** {@link OutcomeCounts} ↔ {@code outcome-counts.v1.avsc}. */
    static final class OutcomeCountsCodec implements StateCodec<OutcomeCounts> {

        static final Schema SCHEMA = AvroState.schema(LearningStateFormats.class, "outcome-counts.v1.avsc");

        private static final Schema.Field[] FIELDS = fields(SCHEMA);

        @Override
        public void write(OutcomeCounts counts, Encoder out) throws IOException {
            out.writeMapStart();
            out.setItemCount(counts.counts().size());
            for (var count : counts.counts().entrySet()) {
                out.startItem();
                out.writeString(count.getKey());
                out.writeLong(count.getValue());
            }
            out.writeMapEnd();
        }

        @Override
        public OutcomeCounts read(Decoder in) throws IOException {
            Map<String, Long> counts = Map.of();
            for (Schema.Field field : fieldOrder(in, FIELDS)) {
                switch (field.name()) {
                    case "counts" -> {
                        counts = new HashMap<>();
                        for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
                            for (long i = 0; i < n; i++) {
                                counts.put(in.readString(), in.readLong());
                            }
                        }
                    }
                    default -> throw unknownField(field);
                }
            }
            return new OutcomeCounts(counts);
        }
    }
}
