package dev.hprune.compat.system;

import dev.hprune.compat.control.ControlArgs;
import java.util.List;

/**
 * set_system and get_system for the parameters hprune has (https://www.mvtec.com/doc/halcon/2311/en/set_system.html).
 * Only 'seed_rand' today: it seeds {@link RandomSource#global()}, the one random source of hprune. A parameter HALCON
 * has but hprune does not is refused with 1301 rather than silently ignored, so a port sees what it relies on.
 */
public final class SystemOperators {
    private SystemOperators() {}

    /** The parameters set_system and get_system accept, in the order get_system lists them. */
    public static final List<String> PARAMETERS = List.of("seed_rand");

    /** set_system( : : SystemParameter, Value : ): 'seed_rand' takes an integer (1202 for anything else). */
    public static void setSystem(List<Object> systemParameter, List<Object> value) {
        String name = ControlArgs.string(systemParameter, 1);
        if (name.equals("seed_rand")) {
            RandomSource.global().setSeed(ControlArgs.integer(value, 2));
            return;
        }
        throw ControlArgs.wrongValue(1, "hprune supports the system parameters " + PARAMETERS + ", not '" + name + "'");
    }

    /**
     * get_system( : : Query : Information): 'seed_rand' gives the seed last set (or the one chosen at start-up);
     * several queries give one value each.
     */
    public static List<Object> getSystem(List<Object> query) {
        List<String> names = ControlArgs.strings(query, 1);
        Object[] values = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals("seed_rand")) {
                throw ControlArgs.wrongValue(1, "hprune answers the system parameters " + PARAMETERS + ", not '"
                        + names.get(i) + "'");
            }
            values[i] = RandomSource.global().seed();
        }
        return List.of(values);
    }
}
