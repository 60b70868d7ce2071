package io.leadloop.qualification.streams;

import java.util.LinkedHashSet;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.qualification.learning.LeadModels;
import io.leadloop.qualification.learning.TrainingExample;

/**
 * The single writer of a model (its examples all arrive on one partition): applies each example in order to the
 * parameters in its store and publishes the changed ones. One writer per model is what lets logistic regression
 * learn online (each step builds on the last); naive Bayes would not need it, but outcomes are few — a handful a
 * second at most — so one partition per model is plenty.
 */
final class LearnExample implements Processor<String, TrainingExample, String, Double> {

    private final LeadModels models;
    private ProcessorContext<String, Double> context;
    private KeyValueStore<String, Double> parameters;

    LearnExample(LeadModels models) {
        this.models = models;
    }

    @Override
    public void init(ProcessorContext<String, Double> context) {
        this.context = context;
        this.parameters = context.getStateStore(QualificationTopology.MODEL_PARAMETERS_STORE);
    }

    @Override
    public void process(Record<String, TrainingExample> record) {
        TrainingExample example = record.value();
        Map<String, Double> changed = LeadIdMdc.with(example.leadId(), () -> models.learn(example.segment(),
                example.target(), new LinkedHashSet<>(example.features()), example.positive(), example.previous(),
                key -> {
                    Double value = parameters.get(key);
                    return value == null ? 0 : value;
                }));
        changed.forEach((key, value) -> {
            parameters.put(key, value);
            if (models.neededToPredict(key)) {
                context.forward(record.withKey(key).withValue(value));
            }
        });
    }
}
