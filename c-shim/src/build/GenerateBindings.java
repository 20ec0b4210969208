import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the per-operator parts of the C++ and Python interfaces from HalconC.h, so that an operator added to the
 * header (a {@code T_} declaration) appears in both without edits. Run by build-native.sh (a single-file Java program:
 * {@code java GenerateBindings.java HalconC.h OUTDIR}); writes
 * <ul>
 *   <li>{@code OUTDIR/include/HalconCppOperators.h}: HALCON's C++ global operator functions (namespace HalconCpp),
 *       included by HalconCpp.h;</li>
 *   <li>{@code OUTDIR/generated-c/operator_signatures.c}: {@code hprune_operator_signatures()}, the operator list the
 *       Python package reads from the library at import time (one line per operator: C symbol, then one word per
 *       parameter, {@code o:Name} iconic input, {@code O:Name} iconic output, {@code t:Name} control input,
 *       {@code T:Name} control output, in HALCON's order).</li>
 * </ul>
 * An operator is every {@code T_} function, plus the object functions without a {@code T_} twin whose parameters are
 * all iconic ({@code gen_empty_obj}, {@code concat_obj}); tuple housekeeping (create_tuple, ...) is not an operator.
 * Neither are the {@code hprune_} functions (the library's own, and HALCON's standard procedures exported to C as
 * {@code hprune_split_dl_dataset}, ...): C++ and Python reach the procedures through hprune's Java API or not at all,
 * so they are left out here by name.
 */
public final class GenerateBindings {
    private GenerateBindings() {}

    private static final Pattern FUNCTION = Pattern.compile("Herror\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*;");
    private static final Pattern PARAMETER =
            Pattern.compile("\\s*(const\\s+)?(Htuple|Hobject)\\s*(\\*)?\\s*(\\w+)\\s*");

    record Parameter(char kind, String name) {
        boolean iconic() {
            return kind == 'o' || kind == 'O';
        }

        boolean output() {
            return kind == 'O' || kind == 'T';
        }
    }

    record Operator(String symbol, List<Parameter> parameters) {
        /** HALCON's operator name: the C symbol without T_. */
        String name() {
            return symbol.startsWith("T_") ? symbol.substring(2) : symbol;
        }

        /** HALCON's C++ name: get_dl_pruning_param becomes GetDlPruningParam. */
        String cppName() {
            StringBuilder out = new StringBuilder();
            for (String part : name().split("_")) {
                if (!part.isEmpty()) {
                    out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
            return out.toString();
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GenerateBindings.java HalconC.h OUTDIR");
            System.exit(2);
        }
        List<Operator> operators = parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        Path out = Path.of(args[1]);
        write(out.resolve("include/HalconCppOperators.h"), cpp(operators));
        write(out.resolve("generated-c/operator_signatures.c"), signatures(operators));
    }

    static List<Operator> parse(String header) {
        String code = header.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        List<Operator> candidates = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        Matcher function = FUNCTION.matcher(code);
        while (function.find()) {
            String symbol = function.group(1);
            symbols.add(symbol);
            List<Parameter> parameters = parameters(function.group(2));
            if (parameters != null) {
                candidates.add(new Operator(symbol, parameters));
            }
        }
        List<Operator> operators = new ArrayList<>();
        for (Operator op : candidates) {
            boolean tForm = op.symbol().startsWith("T_");
            boolean objectOnly = !op.parameters().isEmpty()
                    && op.parameters().stream().allMatch(Parameter::iconic)
                    && !symbols.contains("T_" + op.symbol());
            boolean hpruneOwn = op.symbol().startsWith("hprune_");
            if ((tForm || objectOnly) && !hpruneOwn) {
                operators.add(op);
            }
        }
        return operators;
    }

    /** The parameters, or null when one is not an input or output tuple or object (not an operator). */
    private static List<Parameter> parameters(String list) {
        List<Parameter> parameters = new ArrayList<>();
        if (list.isBlank() || list.trim().equals("void")) {
            return parameters;
        }
        for (String text : list.split(",")) {
            Matcher m = PARAMETER.matcher(text);
            if (!m.matches()) {
                return null;
            }
            boolean constant = m.group(1) != null;
            boolean pointer = m.group(3) != null;
            if (constant == pointer) { // an input is const, an output a pointer; anything else is no operator's
                return null;
            }
            char kind = m.group(2).equals("Htuple") ? 't' : 'o';
            parameters.add(new Parameter(pointer ? Character.toUpperCase(kind) : kind, m.group(4)));
        }
        return parameters;
    }

    static String cpp(List<Operator> operators) {
        StringBuilder out = new StringBuilder();
        out.append("/* Generated from HalconC.h by c-shim/src/build/GenerateBindings.java: do not edit. */\n")
                .append("#ifndef HPRUNE_HALCON_CPP_OPERATORS_H\n#define HPRUNE_HALCON_CPP_OPERATORS_H\n\n")
                .append("namespace HalconCpp {\n\n");
        for (Operator op : operators) {
            List<String> declared = new ArrayList<>();
            List<String> locals = new ArrayList<>();
            List<String> arguments = new ArrayList<>();
            for (Parameter p : op.parameters()) {
                String local = "out_" + p.name();
                switch (p.kind()) {
                    case 'o' -> {
                        declared.add("const HObject& " + p.name());
                        arguments.add(p.name() + ".Key()");
                    }
                    case 't' -> {
                        declared.add("const HTuple& " + p.name());
                        arguments.add(p.name() + ".CTuple()");
                    }
                    case 'O' -> {
                        declared.add("HObject* " + p.name());
                        locals.add("    detail::ObjectOut " + local + "(" + p.name() + ");\n");
                        arguments.add(local + ".Address()");
                    }
                    default -> {
                        declared.add("HTuple* " + p.name());
                        locals.add("    detail::TupleOut " + local + "(" + p.name() + ");\n");
                        arguments.add(local + ".Address()");
                    }
                }
            }
            out.append("/* ").append(op.name()).append(" */\n")
                    .append("inline void ").append(op.cppName()).append('(').append(String.join(", ", declared))
                    .append(") {\n");
            locals.forEach(out::append);
            out.append("    detail::Check(\"").append(op.name()).append("\", ").append(op.symbol()).append('(')
                    .append(String.join(", ", arguments)).append("));\n}\n\n");
        }
        out.append("} // namespace HalconCpp\n\n#endif\n");
        return out.toString();
    }

    static String signatures(List<Operator> operators) {
        StringBuilder out = new StringBuilder();
        out.append("/* Generated from HalconC.h by c-shim/src/build/GenerateBindings.java: do not edit. */\n")
                .append("#include \"HalconC.h\"\n\n")
                .append("const char *hprune_operator_signatures(void) {\n    return\n");
        for (Operator op : operators) {
            StringBuilder line = new StringBuilder(op.symbol());
            for (Parameter p : op.parameters()) {
                line.append(' ').append(p.kind()).append(':').append(p.name());
            }
            out.append("        \"").append(line).append("\\n\"\n");
        }
        out.append("        \"\";\n}\n");
        return out.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        // unchanged files keep their time stamps, so nothing that depends on them rebuilds for nothing
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
