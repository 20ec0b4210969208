package dev.hprune.compat.onnx;

import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.graph.Graph;
import dev.hprune.compat.graph.ValueInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills in the shapes of graph outputs that a file leaves out (unknown rank), by shape inference from the declared
 * inputs, so that a written model declares the rank ONNX Runtime will check. When inference fails the output stays
 * as it is.
 */
final class OutputShapes {
    private OutputShapes() {}

    static Graph complete(Graph graph, List<String> shapeless) {
        if (shapeless.isEmpty()) {
            return graph;
        }
        Map<String, long[]> shapes;
        try {
            shapes = ShapeInference.infer(graph, Map.of());
        } catch (HalconError e) {
            return graph;
        }
        List<ValueInfo> outputs = new ArrayList<>();
        for (ValueInfo output : graph.outputs()) {
            long[] shape = shapes.get(output.name());
            outputs.add(shapeless.contains(output.name()) && shape != null
                    ? ValueInfo.of(output.name(), output.type(), shape) : output);
        }
        return graph.withOutputs(outputs);
    }
}
