package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.Arrays;
import java.util.List;

/**
 * One 'change' strategy of create_dl_train_param: a model parameter that follows a piecewise-constant schedule over
 * the (fractional) epoch. 'model_param' (typically 'learning_rate'), 'initial_value' (default: the model's value when
 * training starts), 'epochs' and 'values' (same length: from epochs[i] on, values[i]), optional
 * 'scale_momentum_threshold' (learning_rate only): when the learning rate jumps by more than that factor, 'momentum' is
 * scaled by new/old for the one iteration of the jump, as HALCON's update_train_dl_model_change_strategies does, so the
 * velocity accumulated at the old rate does not overshoot.
 */
final class ChangeStrategy {
    static final List<String> KEYS = List.of("model_param", "initial_value", "epochs", "values",
            "scale_momentum_threshold");

    private final String modelParam;
    private final HTuple initialValue;
    private final double[] epochs;
    private final HTuple[] values;
    private final double momentumThreshold;

    private HTuple baseline;
    private HTuple current;
    private double restoreMomentum = Double.NaN;

    private ChangeStrategy(String modelParam, HTuple initialValue, double[] epochs, HTuple[] values,
            double momentumThreshold) {
        this.modelParam = modelParam;
        this.initialValue = initialValue;
        this.epochs = epochs;
        this.values = values;
        this.momentumThreshold = momentumThreshold;
    }

    /**
     * Reads and checks a strategy dict for {@code procedure}, control parameter {@code position}: unknown keys, a missing
     * 'model_param', 'epochs' and 'values' of different lengths or non-numeric epochs, a threshold on another parameter
     * than 'learning_rate' or not above 1: 1300 + position.
     */
    static ChangeStrategy of(String procedure, HTuple dict, int position) {
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(dict, new HTuple("keys"), new HTuple(), keys);
        for (Object key : keys.asList()) {
            if (!KEYS.contains(key)) {
                throw wrongValue(procedure, position, "unknown 'change' key '" + key + "'; known: " + KEYS);
            }
        }
        if (!keyExists(dict, "model_param") || get(dict, "model_param").length() != 1
                || get(dict, "model_param").getType(0) != HTuple.STRING) {
            throw wrongValue(procedure, position, "a 'change' strategy needs 'model_param', one string");
        }
        String param = get(dict, "model_param").getS();
        HTuple epochTuple = keyExists(dict, "epochs") ? get(dict, "epochs") : new HTuple();
        HTuple valueTuple = keyExists(dict, "values") ? get(dict, "values") : new HTuple();
        if (epochTuple.length() != valueTuple.length()) {
            throw wrongValue(procedure, position, "'epochs' and 'values' of the '" + param + "' strategy differ in "
                    + "length: " + epochTuple.length() + " and " + valueTuple.length());
        }
        int n = epochTuple.length();
        Integer[] order = new Integer[n];
        double[] rawEpochs = new double[n];
        for (int i = 0; i < n; i++) {
            int type = epochTuple.getType(i);
            if (type != HTuple.INTEGER && type != HTuple.REAL) {
                throw wrongValue(procedure, position, "'epochs' must be numbers, got " + epochTuple);
            }
            rawEpochs[i] = epochTuple.getD(i);
            order[i] = i;
        }
        // pairs sorted by epoch, so the schedule is a step function whatever order the caller wrote
        Arrays.sort(order, (a, b) -> Double.compare(rawEpochs[a], rawEpochs[b]));
        double[] sortedEpochs = new double[n];
        HTuple[] sortedValues = new HTuple[n];
        for (int i = 0; i < n; i++) {
            sortedEpochs[i] = rawEpochs[order[i]];
            sortedValues[i] = valueTuple.TupleSelect(new HTuple(order[i]));
        }
        double threshold = Double.NaN;
        if (keyExists(dict, "scale_momentum_threshold") && get(dict, "scale_momentum_threshold").length() > 0) {
            HTuple t = get(dict, "scale_momentum_threshold");
            if (!param.equals("learning_rate")) {
                throw wrongValue(procedure, position, "'scale_momentum_threshold' applies to 'learning_rate' only");
            }
            if (t.length() != 1 || t.getType(0) == HTuple.STRING || t.getD(0) <= 1) {
                throw wrongValue(procedure, position, "'scale_momentum_threshold' must be one number above 1, got " + t);
            }
            threshold = t.getD(0);
        }
        HTuple initial = keyExists(dict, "initial_value") ? get(dict, "initial_value") : null;
        return new ChangeStrategy(param, initial, sortedEpochs, sortedValues, threshold);
    }

    /**
     * Sets the initial value (or reads the model's); a parameter the model does not have is the model's error. When
     * training continues after an iteration done at fractional epoch {@code lastDoneEpoch} (NaN: none), the value in
     * force then is set instead, so that the next {@link #update} sees a jump (and scales the momentum) only where an
     * uninterrupted run would. Without 'initial_value' the model's value is taken as it stands: a stopped run left it
     * at that scheduled value.
     */
    void start(HTuple model, double lastDoneEpoch) {
        if (initialValue != null && initialValue.length() > 0) {
            baseline = initialValue.copy();
            current = Double.isNaN(lastDoneEpoch) ? baseline.copy() : valueAt(lastDoneEpoch).copy();
            HOperatorSet.SetDlModelParam(model, new HTuple(modelParam), current);
        } else {
            current = new HTuple();
            HOperatorSet.GetDlModelParam(model, new HTuple(modelParam), current);
            baseline = current.copy();
        }
    }

    /** The scheduled value at fractional epoch {@code epoch} (after {@link #start}). */
    HTuple valueAt(double epoch) {
        HTuple value = baseline;
        for (int i = 0; i < epochs.length; i++) {
            if (epoch >= epochs[i]) {
                value = values[i];
            }
        }
        return value;
    }

    /**
     * Before the iteration at fractional epoch {@code epoch}: restores a momentum scaled for the previous iteration, then
     * sets the scheduled value if it changed (and scales the momentum for this iteration on a large jump).
     */
    void update(HTuple model, double epoch) {
        if (!Double.isNaN(restoreMomentum)) {
            HOperatorSet.SetDlModelParam(model, new HTuple("momentum"), new HTuple(restoreMomentum));
            restoreMomentum = Double.NaN;
        }
        HTuple next = valueAt(epoch);
        if (next.equals(current)) {
            return;
        }
        HTuple previous = current;
        HOperatorSet.SetDlModelParam(model, new HTuple(modelParam), next);
        current = next.copy();
        if (!Double.isNaN(momentumThreshold)) {
            double oldRate = previous.getD();
            double newRate = next.getD();
            if (oldRate > 1e-7 && Math.max(newRate / oldRate, oldRate / newRate) > momentumThreshold) {
                HTuple momentum = new HTuple();
                HOperatorSet.GetDlModelParam(model, new HTuple("momentum"), momentum);
                double scaled = Math.min(momentum.getD() * newRate / oldRate, 0.999999);
                HOperatorSet.SetDlModelParam(model, new HTuple("momentum"), new HTuple(scaled));
                restoreMomentum = momentum.getD();
            }
        }
    }

    /** After the last iteration: a momentum scaled for it is restored, so the model keeps the caller's momentum. */
    void finish(HTuple model) {
        if (!Double.isNaN(restoreMomentum)) {
            HOperatorSet.SetDlModelParam(model, new HTuple("momentum"), new HTuple(restoreMomentum));
            restoreMomentum = Double.NaN;
        }
    }

    String modelParam() {
        return modelParam;
    }
}
