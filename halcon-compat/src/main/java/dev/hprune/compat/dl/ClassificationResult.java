package dev.hprune.compat.dl;

import java.util.List;

/** One sample's classification: class ids, names and confidences, by descending confidence. */
public record ClassificationResult(List<Long> classIds, List<String> classNames, List<Double> confidences) {
    public ClassificationResult {
        classIds = List.copyOf(classIds);
        classNames = List.copyOf(classNames);
        confidences = List.copyOf(confidences);
    }
}
