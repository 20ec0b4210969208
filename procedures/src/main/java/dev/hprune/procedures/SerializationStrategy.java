package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.keyExists;
import static dev.hprune.procedures.ProcedureSupport.newDict;
import static dev.hprune.procedures.ProcedureSupport.set;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.List;
import java.util.Locale;

/**
 * One 'serialize' strategy of create_dl_train_param: when train_dl_model writes the model. 'type' 'best' (after an
 * evaluation that beat every earlier one), 'current' (at every whole epoch and after every evaluation), 'epochs' (when
 * training passes each of 'epochs'), 'final' (after the last iteration); 'basename' (default 'model_at_epoch' for
 * 'epochs', else the type name).
 *
 * <p>HALCON writes {@code basename + '.hdl'}; hprune's models are ONNX, so the model goes to {@code basename + '.onnx'}
 * (write_dl_model) and, as in HALCON, the training state to {@code basename + '_info.hdict'} (write_dict of {'train_infos',
 * 'evaluation_infos', 'epoch'}). 'epochs' with one basename appends {@code '_' + epoch} formatted '.2f'.
 */
final class SerializationStrategy {
    static final List<String> TYPES = List.of("best", "current", "epochs", "final");
    static final List<String> KEYS = List.of("type", "basename", "epochs");
    static final String MODEL_EXTENSION = ".onnx";
    static final String INFO_SUFFIX = "_info.hdict";

    private final String type;
    private final HTuple basenames;
    private final double[] epochs;

    private SerializationStrategy(String type, HTuple basenames, double[] epochs) {
        this.type = type;
        this.basenames = basenames;
        this.epochs = epochs;
    }

    /** The strategy HALCON uses when none is given: {'type': 'best', 'basename': 'model_best'}. */
    static HTuple defaultDict() {
        HTuple dict = newDict();
        set(dict, "type", new HTuple("best"));
        set(dict, "basename", new HTuple("model_best"));
        return dict;
    }

    /** Reads and checks a strategy dict: unknown keys or type, 'epochs' missing for that type: 1300 + position. */
    static SerializationStrategy of(String procedure, HTuple dict, int position) {
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(dict, new HTuple("keys"), new HTuple(), keys);
        for (Object key : keys.asList()) {
            if (!KEYS.contains(key)) {
                throw wrongValue(procedure, position, "unknown 'serialize' key '" + key + "'; known: " + KEYS);
            }
        }
        HTuple typeValue = keyExists(dict, "type") ? get(dict, "type") : new HTuple();
        if (typeValue.length() != 1 || !TYPES.contains(typeValue.getO(0))) {
            throw wrongValue(procedure, position, "'serialize' 'type' must be one of " + TYPES + ", got " + typeValue);
        }
        String type = typeValue.getS();
        HTuple basenames = keyExists(dict, "basename") ? get(dict, "basename")
                : new HTuple(type.equals("epochs") ? "model_at_epoch" : type);
        if (basenames.length() == 0 || basenames.asList().stream().anyMatch(b -> !(b instanceof String))) {
            throw wrongValue(procedure, position, "'basename' must hold strings, got " + basenames);
        }
        double[] epochs = new double[0];
        if (type.equals("epochs")) {
            HTuple e = keyExists(dict, "epochs") ? get(dict, "epochs") : new HTuple();
            if (e.length() == 0 || e.asList().stream().anyMatch(v -> !(v instanceof Number))) {
                throw wrongValue(procedure, position, "'serialize' of type 'epochs' needs numeric 'epochs', got " + e);
            }
            if (basenames.length() != 1 && basenames.length() != e.length()) {
                throw wrongValue(procedure, position, "'basename' must hold one name or one per epoch");
            }
            epochs = e.toDArr();
        } else if (basenames.length() != 1) {
            throw wrongValue(procedure, position, "'basename' must be one string for type '" + type + "'");
        }
        return new SerializationStrategy(type, basenames, epochs);
    }

    String type() {
        return type;
    }

    /** For 'epochs': the basename of the listed epochs in (from, to], or null when none lies there. */
    String epochBasename(double from, double to) {
        String name = null;
        for (int i = 0; i < epochs.length; i++) {
            if (epochs[i] > from && epochs[i] <= to) {
                name = basenames.length() == 1
                        ? basenames.getS(0) + "_" + String.format(Locale.ROOT, "%.2f", epochs[i])
                        : basenames.getS(i);
            }
        }
        return name;
    }

    String basename() {
        return basenames.getS(0);
    }

    /** Writes the model and the info dict under {@code basename}. */
    static void write(HTuple model, String basename, HTuple info) {
        HOperatorSet.WriteDlModel(model, new HTuple(basename + MODEL_EXTENSION));
        HOperatorSet.WriteDict(info, new HTuple(basename + INFO_SUFFIX), new HTuple(), new HTuple());
    }
}
