package dev.hprune.cshim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.hprune.cshim.CProgramsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HALCON's C++ (HalconCpp.h) and Python (the hprune package) interfaces over libhprune_c: both cover every operator of
 * HalconC.h, their ports of prune_example.c print the C program's lines, errors arrive with HALCON's numbers (the
 * examples print 2894 and 2454 from HException / HError), the C++ value types behave (cpp_semantics_test.cpp), the C++
 * example is clean under valgrind, and the Python package keeps its memory flat over 10,000 calls and installs with
 * pip offline.
 */
class OtherLanguagesTest {
    static final Path DIR = CProgramsTest.DIR;
    static final Path HEADER = DIR.resolve("../src/main/c/HalconC.h").normalize();
    static final Path PYTHON_PACKAGE =
            Path.of(System.getProperty("hprune.pythonPackage", "../python")).toAbsolutePath();
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The library's own operator tables: the generated list and operators.c's hand-written one. */
    interface OperatorTables extends Library {
        OperatorTables LIB = Native.load(HalconCLibrary.libraryPath().toString(), OperatorTables.class);

        String hprune_operator_signatures();

        int hprune_op_count();

        String hprune_op_name(int op);

        int hprune_op_arity(int op, int which);
    }

    /** Every T_ declaration of the header, read here with a pattern of its own: name to parameter kinds (o O t T). */
    static Map<String, String> headerOperators() throws Exception {
        return headerFunctions("T_");
    }

    /** The header's declarations whose C name is {@code prefix} + HALCON's name: name to parameter kinds. */
    static Map<String, String> headerFunctions(String prefix) throws Exception {
        String code = Files.readString(HEADER).replaceAll("(?s)/\\*.*?\\*/", " ");
        Map<String, String> operators = new TreeMap<>();
        Matcher m = Pattern.compile("Herror\\s+" + prefix + "(\\w+)\\(([^)]*)\\)").matcher(code);
        while (m.find()) {
            StringBuilder kinds = new StringBuilder();
            for (String p : m.group(2).split(",")) {
                char kind = p.contains("Hobject") ? 'o' : 't';
                kinds.append(p.contains("*") ? Character.toUpperCase(kind) : kind);
            }
            operators.put(m.group(1), kinds.toString());
        }
        return operators;
    }

    /** The generated list compiled into the library: HALCON name to parameter kinds. */
    static Map<String, String> libraryList() {
        Map<String, String> operators = new LinkedHashMap<>();
        for (String line : OperatorTables.LIB.hprune_operator_signatures().split("\n")) {
            String[] words = line.split(" ");
            String kinds = java.util.Arrays.stream(words).skip(1).map(w -> w.substring(0, 1))
                    .collect(Collectors.joining());
            operators.put(words[0].replaceFirst("^T_", ""), kinds);
        }
        return operators;
    }

    @Test
    void theGeneratedListsCoverEveryOperatorOfTheHeaderWithTheJavaSidesArities() throws Exception {
        Map<String, String> header = headerOperators();
        assertThat(header).hasSizeGreaterThan(60).containsEntry("get_dl_pruning_param", "ttT");
        Map<String, String> list = libraryList();
        assertThat(list).containsAllEntriesOf(header);
        // besides the T_ forms only object operators without one (all parameters iconic)
        Map<String, String> objectOnly = new TreeMap<>(headerFunctions(""));
        objectOnly.keySet().removeIf(name -> name.startsWith("T_") || header.containsKey(name));
        objectOnly.values().removeIf(kinds -> !kinds.matches("[oO]+"));
        objectOnly.remove("clear_obj"); // takes a non-const object: the release, not an operator
        assertThat(objectOnly).containsKeys("gen_empty_obj", "concat_obj", "rgb1_to_gray");
        assertThat(list).containsAllEntriesOf(objectOnly);
        assertThat(list.size()).isEqualTo(header.size() + objectOnly.size());

        // operators.c's table (what Java dispatches on) counts the same parameters for every operator; the
        // procedures it also holds are declared as hprune_<name> and deliberately left out of the generated list
        Map<String, String> procedures = headerFunctions("hprune_");
        assertThat(procedures).containsEntry("split_dl_dataset", "tttt").containsEntry("train_dl_model", "ttttTTT");
        assertThat(list.keySet()).doesNotContainAnyElementsOf(procedures.keySet());
        for (int op = 0; op < OperatorTables.LIB.hprune_op_count(); op++) {
            String name = OperatorTables.LIB.hprune_op_name(op);
            if (name.equals("clear_obj")) { // the release HObject does when it goes, not an operator of its own
                continue;
            }
            String kinds = list.containsKey(name) ? list.get(name) : procedures.get(name);
            assertThat(kinds).as("operators.c's %s in the generated list", name).isNotNull();
            int[] counted = {count(kinds, 'o'), count(kinds, 'O'), count(kinds, 't'), count(kinds, 'T')};
            for (int which = 0; which < 4; which++) {
                assertThat(OperatorTables.LIB.hprune_op_arity(op, which)).as("%s arity %d", name, which)
                        .isEqualTo(counted[which]);
            }
        }

        // C++: one global function per operator, with HALCON's CamelCase name
        String cpp = Files.readString(DIR.resolve("include/HalconCppOperators.h"));
        for (String name : list.keySet()) {
            assertThat(cpp).as(name).contains("inline void " + camel(name) + "(");
        }
        assertThat(cpp).contains("inline void GetDlPruningParam(const HTuple& DLPruningHandle, "
                + "const HTuple& GenParamName, HTuple* GenParamValue)");

        // Python: a function per operator, and an _s variant for those with control outputs
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3: the Python half is not checked");
        Run run = python(Map.of(), "-c", "import hprune; print(' '.join(hprune.__all__))");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> names = List.of(run.out().trim().split(" "));
        for (Map.Entry<String, String> op : list.entrySet()) {
            assertThat(names).contains(op.getKey());
            if (op.getValue().contains("T")) {
                assertThat(names).contains(op.getKey() + "_s");
            }
        }
    }

    private static int count(String kinds, char kind) {
        return (int) kinds.chars().filter(c -> c == kind).count();
    }

    private static String camel(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static Path cppExample() {
        Path program = DIR.resolve("prune_example_cpp");
        assumeTrue(Files.isExecutable(program), "g++ is not installed: build-native.sh built no C++ program");
        return program;
    }

    @Test
    void cppExamplePrintsTheCProgramsLines() throws Exception {
        Run run = CProgramsTest.run(Map.of(), cppExample().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).containsExactlyElementsOf(CProgramsTest.EXAMPLE_LINES);
    }

    @Test
    void cppValueSemanticsHold() throws Exception {
        Path program = DIR.resolve("cpp_semantics_test");
        assumeTrue(Files.isExecutable(program), "g++ is not installed: build-native.sh built no C++ program");
        Run run = CProgramsTest.run(Map.of(), program.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ok ");
    }

    @Test
    void withoutABackendTheCppExampleStopsAtScoringWithAnHException() throws Exception {
        assumeTrue(Files.exists(CProgramsTest.PPOCR), "PP-OCR model not fetched: " + CProgramsTest.PPOCR);
        Run run = CProgramsTest.run(Map.of(), cppExample().toString(), CProgramsTest.PPOCR.toString(), "/dev/null");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("FAILED add_dl_pruning_batch: 7779", "no deep-learning backend");
    }

    @Test
    void cppExampleIsCleanUnderValgrind() throws Exception {
        assumeTrue(CProgramsTest.onPath("valgrind"), "valgrind is not installed");
        Path program = cppExample();
        String suppressions = DIR.resolve("../src/test/valgrind/jvm.supp").normalize().toString();
        List<String> command = new ArrayList<>(CProgramsTest.valgrindCommand(suppressions, "definite"));
        command.add(program.toString());
        Run run = CProgramsTest.run(Map.of("HPRUNE_JVM_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
                + "-XX:CICompilerCount=1"), command.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).containsExactlyElementsOf(CProgramsTest.EXAMPLE_LINES);
        assertThat(run.err()).contains("definitely lost: 0 bytes in 0 blocks", "ERROR SUMMARY: 0 errors");
    }

    private static Run python(Map<String, String> env, String... arguments) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("HPRUNE_LIB", HalconCLibrary.libraryPath().toString());
        all.putIfAbsent("PYTHONPATH", PYTHON_PACKAGE.toString());
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(arguments));
        return CProgramsTest.run(all, command.toArray(String[]::new));
    }

    @Test
    void pythonExamplePrintsTheCProgramsLines() throws Exception {
        Run run = python(Map.of(), PYTHON_PACKAGE.resolve("examples/prune_example.py").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.lines()).containsExactlyElementsOf(CProgramsTest.EXAMPLE_LINES);
    }

    @Test
    void pythonErrorsCarryHalconsNumbersAndSVariantsTheSingleValue() throws Exception {
        Run run = python(Map.of(), "-c", String.join("\n",
                "import hprune as ha",
                "d = ha.create_dict()",
                "ha.set_dict_tuple(d, 'k', [3, 2.5, 'x'])",
                "print(ha.get_dict_tuple(d, 'k'), ha.tuple_length_s(ha.get_dict_tuple(d, 'k')))",
                "print(ha.get_image_size_s(ha.gen_image_const('byte', 7, 5)))",
                "try:\n    ha.get_dict_tuple_s(d, 'k')\nexcept ha.HTupleConversionError as e:\n    print('s:', e)",
                "ha.clear_handle(d)",
                "try:\n    ha.get_dict_tuple(d, 'k')\nexcept ha.HError as e:\n"
                        + "    print(type(e).__name__, e.error_code, e.operator_name)",
                "try:\n    ha.tuple_select([1, 2], 5)\nexcept ha.HError as e:\n    print(e.error_code)"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "[3, 2.5, 'x'] 3",
                "(7, 5)",
                "s: get_dict_tuple_s: an output holds 3 values, not one",
                "HOperatorError 2454 get_dict_tuple",
                "1302"); // the index, control parameter 2, has a wrong value
    }

    @Test
    void pythonRssStaysFlatOver10000CallsAndALeakingLoopIsSeen() throws Exception {
        assumeTrue(Files.exists(CProgramsTest.PPOCR), "PP-OCR model not fetched: " + CProgramsTest.PPOCR);
        // a fixed, pre-touched Java heap, so that RSS growth is native memory and not the heap expanding; C1 only,
        // because on a loaded machine C2 still compiles (and grows its arenas) long after the warm-up
        Map<String, String> env = Map.of("HPRUNE_JVM_OPTS",
                "-Xms64m -Xmx64m -XX:+AlwaysPreTouch -XX:TieredStopAtLevel=1");
        String loop = DIR.resolve("../src/test/python/call_loop.py").normalize().toString();
        long flat = growthKiB(python(env, loop, CProgramsTest.PPOCR.toString(), "10000", "rss"));
        long leaking = growthKiB(python(env, loop, CProgramsTest.PPOCR.toString(), "10000", "leak"));
        assertThat(flat).as("RSS growth over 10,000 calls after 5,000 warm-up calls, KiB").isLessThan(512);
        assertThat(leaking).as("the same loop leaking one small tuple a call, KiB").isGreaterThanOrEqualTo(512);
    }

    private static long growthKiB(Run run) {
        assertThat(run.exit()).as(run.err()).isZero();
        List<Long> rss = run.out().lines().filter(l -> l.startsWith("rss "))
                .map(l -> Long.parseLong(l.split(" ")[2])).toList();
        assertThat(rss).hasSize(2);
        return rss.get(1) - rss.get(0);
    }

    @Test
    void pipInstallsThePackageOfflineAndItImports(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        // from a copy: setuptools builds in the source directory, and the checkout stays clean
        Path source = dir.resolve("source");
        List<Path> files;
        try (var walk = Files.walk(PYTHON_PACKAGE)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !PYTHON_PACKAGE.relativize(f).toString().matches("(build/|.*__pycache__|.*egg-info).*"))
                    .toList();
        }
        for (Path file : files) {
            Path copy = source.resolve(PYTHON_PACKAGE.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        Run pip = CProgramsTest.run(Map.of(), PYTHON.toString(), "-m", "pip", "install", "--quiet", "--no-index",
                "--no-build-isolation", "--target", dir.resolve("site").toString(), source.toString());
        assumeTrue(!pip.err().contains("No module named pip"), "pip is not installed for /usr/bin/python3");
        assertThat(pip.exit()).as(pip.err()).isZero();
        Run run = python(Map.of("PYTHONPATH", dir.resolve("site").toString()), "-c",
                "import hprune as ha; print(ha.__file__); print(ha.tuple_gen_sequence(1, 3, 1))");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                dir.resolve("site/hprune/__init__.py").toString(), "[1, 2, 3]");
    }
}
