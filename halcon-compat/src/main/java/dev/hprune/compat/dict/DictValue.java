package dev.hprune.compat.dict;

import dev.hprune.compat.image.Image;
import java.util.List;

/** What a dict key holds: a control tuple or an iconic object tuple. Both are stored as immutable copies. */
public sealed interface DictValue {
    /** HALCON's name of the kind, as {@code get_dict_param(..., 'key_data_type', ...)} reports it. */
    String dataType();

    record Tuple(List<Object> values) implements DictValue {
        public Tuple {
            values = List.copyOf(values);
        }

        @Override
        public String dataType() {
            return "tuple";
        }
    }

    record Objects(List<Image> images) implements DictValue {
        public Objects {
            images = List.copyOf(images);
        }

        @Override
        public String dataType() {
            return "object";
        }
    }
}
