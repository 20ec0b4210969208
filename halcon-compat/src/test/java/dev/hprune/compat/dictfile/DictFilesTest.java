package dev.hprune.compat.dictfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictOperators;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.PixelType;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import dev.hprune.compat.testing.TestGraphs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DictFilesTest {
    @TempDir
    Path dir;

    // ---- helpers ----

    private static List<Object> t(Object... values) {
        return Arrays.asList(values);
    }

    private static Handle newDict() {
        return DictOperators.createDict();
    }

    private static Dict payload(Object handle) {
        return (Dict) ((Handle) handle).payload();
    }

    private static Handle register(Dict dict) {
        return HandleRegistry.global().register(HandleType.DICT, dict);
    }

    private static Image image(PixelType type, int width, int height, int channels, float scale) {
        float[] data = new float[width * height * channels];
        for (int i = 0; i < data.length; i++) {
            data[i] = type == PixelType.BYTE ? (i * 37) % 256 : (float) (i * scale - 1.5);
        }
        return Image.ofPlanar(type, width, height, channels, data);
    }

    private void write(Handle dict, String name, Object... params) {
        List<Object> names = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            names.add(params[i]);
            values.add(params[i + 1]);
        }
        DictFiles.writeDict(t(dict), t(dir.resolve(name).toString()), names, values);
    }

    private Handle read(String name, Object... params) {
        List<Object> names = new java.util.ArrayList<>();
        List<Object> values = new java.util.ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            names.add(params[i]);
            values.add(params[i + 1]);
        }
        return DictFiles.readDict(t(dir.resolve(name).toString()), names, values);
    }

    private byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    /**
     * A model as read_dl_model gives it: the ONNX reader canonicalises (e.g. the opset), so a hand-built graph's first
     * write differs from every later one; a model read from a file is already canonical.
     */
    private static DlModel canonicalModel() {
        return DlModel.of(OnnxReader.read(OnnxWriter.toBytes(TestGraphs.plainChain())));
    }

    /** Same bytes; on a difference, the first differing offset rather than both arrays. */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        int n = Math.min(actual.length, expected.length);
        int first = n;
        for (int i = 0; i < n; i++) {
            if (actual[i] != expected[i]) {
                first = i;
                break;
            }
        }
        assertThat(first == n && actual.length == expected.length)
                .as("bytes differ at offset %d (lengths %d and %d)", first, actual.length, expected.length).isTrue();
    }

    /** Nested dicts and tuples of every type; images and a model only where the format holds them. */
    private static Handle richDict(boolean withIconicAndModel) {
        Handle root = newDict();
        Dict d = payload(root);
        d.put("ints", new DictValue.Tuple(t(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE)));
        d.put("reals", new DictValue.Tuple(t(0.5, -0.0, 1e300, -2.5e-7, 3.0)));
        d.put("strings", new DictValue.Tuple(t("", "plain", "quote\" back\\ tab\t nl\n", "ünïcödé ✓ 😀", "\u0001")));
        d.put("mixed", new DictValue.Tuple(t(1L, 2.0, "three")));
        d.put("single", new DictValue.Tuple(t(42L)));
        d.put("empty", new DictValue.Tuple(t()));
        Handle inner = newDict();
        payload(inner).put("depth", new DictValue.Tuple(t(2L)));
        Handle deepest = newDict();
        payload(deepest).put("leaf", new DictValue.Tuple(t("x", 1.25)));
        payload(inner).put("deeper", new DictValue.Tuple(t(deepest)));
        d.put("nested", new DictValue.Tuple(t(inner)));
        Handle second = newDict();
        payload(second).put("k", new DictValue.Tuple(t(-7L)));
        d.put("dicts", new DictValue.Tuple(t(inner, second)));
        if (withIconicAndModel) {
            d.put(5L, new DictValue.Tuple(t("integer key")));
            d.put("images", new DictValue.Objects(List.of(image(PixelType.BYTE, 3, 2, 1, 0),
                    image(PixelType.BYTE, 4, 3, 3, 0), image(PixelType.REAL, 2, 5, 2, 0.37f),
                    image(PixelType.REAL, 1, 1, 4, 1e-3f))));
            d.put("model", new DictValue.Tuple(t(DlModelOperators.register(canonicalModel()), Handle.NULL, 9L)));
        }
        return root;
    }

    // ---- round trips ----

    @Test
    void hdictRoundTripIsByteExactAndKeepsEveryValue() throws IOException {
        Handle original = richDict(true);
        write(original, "a.hdict");
        Handle back = read("a.hdict");
        write(back, "b.hdict");
        assertSameBytes(bytes("b.hdict"), bytes("a.hdict"));

        Dict o = payload(original);
        Dict r = payload(back);
        assertThat(r.keys()).containsExactlyElementsOf(o.keys());
        for (String key : List.of("ints", "strings", "mixed", "single", "empty")) {
            assertThat(DictOperators.getDictTuple(t(back), t(key))).isEqualTo(DictOperators.getDictTuple(t(original), t(key)));
        }
        List<Object> reals = DictOperators.getDictTuple(t(back), t("reals"));
        assertThat(Double.doubleToRawLongBits((Double) reals.get(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(reals).isEqualTo(DictOperators.getDictTuple(t(original), t("reals")));
        assertThat(DictOperators.getDictTuple(t(back), t(5L))).containsExactly("integer key");
        assertThat(DictOperators.getDictObject(t(back), t("images")))
                .isEqualTo(DictOperators.getDictObject(t(original), t("images")));

        Object nested = DictOperators.getDictTuple(t(back), t("nested")).get(0);
        assertThat(nested).isNotEqualTo(DictOperators.getDictTuple(t(original), t("nested")).get(0));
        Object deepest = DictOperators.getDictTuple(t(nested), t("deeper")).get(0);
        assertThat(DictOperators.getDictTuple(t(deepest), t("leaf"))).containsExactly("x", 1.25);

        List<Object> model = DictOperators.getDictTuple(t(back), t("model"));
        assertThat(((Handle) model.get(0)).type()).isEqualTo(HandleType.DL_MODEL);
        DlModel readModel = (DlModel) ((Handle) model.get(0)).payload();
        DlModel writtenModel = (DlModel) ((Handle) DictOperators.getDictTuple(t(original), t("model")).get(0)).payload();
        assertSameBytes(OnnxWriter.toBytes(readModel.graph()), OnnxWriter.toBytes(writtenModel.graph()));
        assertThat(model.subList(1, 3)).containsExactly(Handle.NULL, 9L);
    }

    @Test
    void jsonRoundTripIsByteExactAndKeepsTypes() throws IOException {
        Handle original = richDict(false);
        write(original, "a.json");
        Handle back = read("a.json");
        write(back, "b.json");
        assertSameBytes(bytes("b.json"), bytes("a.json"));
        for (String key : List.of("ints", "reals", "strings", "mixed", "single", "empty")) {
            assertThat(DictOperators.getDictTuple(t(back), t(key))).as(key)
                    .isEqualTo(DictOperators.getDictTuple(t(original), t(key)));
        }
        List<Object> dicts = DictOperators.getDictTuple(t(back), t("dicts"));
        assertThat(dicts).hasSize(2);
        assertThat(DictOperators.getDictTuple(t(dicts.get(1)), t("k"))).containsExactly(-7L);
        Object deepest = DictOperators.getDictTuple(t(dicts.get(0)), t("deeper")).get(0);
        assertThat(DictOperators.getDictTuple(t(deepest), t("leaf"))).containsExactly("x", 1.25);
    }

    @Test
    void jsonTextIsCompactWithRealsAlwaysMarked() throws IOException {
        Handle d = newDict();
        payload(d).put("i", new DictValue.Tuple(t(3L)));
        payload(d).put("r", new DictValue.Tuple(t(3.0, 1e21)));
        payload(d).put("s", new DictValue.Tuple(t("a\"b")));
        payload(d).put(7L, new DictValue.Tuple(t()));
        write(d, "c.json");
        assertThat(new String(bytes("c.json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"i\":3,\"r\":[3.0,1.0E21],\"s\":\"a\\\"b\",\"7\":[]}");
    }

    @Test
    void fileTypeParameterOverridesTheEnding() throws IOException {
        Handle d = newDict();
        payload(d).put("x", new DictValue.Tuple(t(1L)));
        write(d, "plain.dat", "file_type", "json");
        assertThat(new String(bytes("plain.dat"), StandardCharsets.UTF_8)).isEqualTo("{\"x\":1}");
        write(d, "other.dat");
        assertThat(HdictFormat.hasMagic(bytes("other.dat"))).isTrue();
        assertThat(DictOperators.getDictTuple(t(read("plain.dat")), t("x"))).containsExactly(1L);
        assertThat(DictOperators.getDictTuple(t(read("other.dat")), t("x"))).containsExactly(1L);
    }

    @Test
    void aMissingFileIsRetriedWithTheDefaultEndings() {
        Handle d = newDict();
        payload(d).put("x", new DictValue.Tuple(t("found")));
        write(d, "model_params.hdict");
        write(d, "other.json");
        assertThat(DictOperators.getDictTuple(t(read("model_params")), t("x"))).containsExactly("found");
        assertThat(DictOperators.getDictTuple(t(read("other")), t("x"))).containsExactly("found");
    }

    // ---- JSON written by another program ----

    private static final String FOREIGN = """
            {
              "name" : "caf\\u00e9 \\ud83d\\ude00",
              "count": 12 ,
              "thousand": 1e3,
              "half":-0.5,
              "huge": 123456789012345678901234567890,
              "flags": [true, false, null],
              "list" : [ 1, 2.0, "x" ],
              "matrix": [[1, 2], [3]],
              "people": [{"id": 1}, {"id": 2}],
              "obj": { "inner": { } },
              "escapes": "a\\/b\\tc\\n",
              "nothing": []
            }
            """;

    @Test
    void jsonFromAnotherProgramReadsWithHalconsTypeRules() throws IOException {
        Files.writeString(dir.resolve("foreign.json"), FOREIGN);
        Handle d = read("foreign.json");
        assertThat(DictOperators.getDictTuple(t(d), t("name"))).containsExactly("café 😀");
        assertThat(DictOperators.getDictTuple(t(d), t("count"))).containsExactly(12L);
        assertThat(DictOperators.getDictTuple(t(d), t("thousand"))).containsExactly(1000.0);
        assertThat(DictOperators.getDictTuple(t(d), t("half"))).containsExactly(-0.5);
        assertThat(DictOperators.getDictTuple(t(d), t("huge"))).containsExactly(1.2345678901234568e29);
        assertThat(DictOperators.getDictTuple(t(d), t("flags"))).containsExactly(1L, 0L, "HNULL");
        assertThat(DictOperators.getDictTuple(t(d), t("list"))).containsExactly(1L, 2.0, "x");
        assertThat(DictOperators.getDictTuple(t(d), t("escapes"))).containsExactly("a/b\tc\n");
        assertThat(DictOperators.getDictTuple(t(d), t("nothing"))).isEmpty();
        Object matrix = DictOperators.getDictTuple(t(d), t("matrix")).get(0);
        assertThat(payload(matrix).keys()).containsExactly(0L, 1L);
        assertThat(DictOperators.getDictTuple(t(matrix), t(0L))).containsExactly(1L, 2L);
        assertThat(DictOperators.getDictTuple(t(matrix), t(1L))).containsExactly(3L);
        List<Object> people = DictOperators.getDictTuple(t(d), t("people"));
        assertThat(people).hasSize(2);
        assertThat(DictOperators.getDictTuple(t(people.get(1)), t("id"))).containsExactly(2L);
        Object inner = DictOperators.getDictTuple(t(DictOperators.getDictTuple(t(d), t("obj")).get(0)), t("inner")).get(0);
        assertThat(payload(inner).size()).isZero();
    }

    @Test
    void jsonLiteralsTakeTheGivenValues() throws IOException {
        Files.writeString(dir.resolve("flags.json"), "{\"f\":[true,false,null]}");
        Handle d = read("flags.json", "json_value_true", "yes", "json_value_false", -1L, "json_value_null", 0.5);
        assertThat(DictOperators.getDictTuple(t(d), t("f"))).containsExactly("yes", -1L, 0.5);
        Handle keep = read("flags.json", "convert_json_arrays_to", "dict");
        assertThat(DictOperators.getDictTuple(t(keep), t("f"))).containsExactly(1L, 0L, "HNULL");
    }

    // ---- copy_dict ----

    @Test
    void copyDictIsDeep() throws IOException {
        Handle original = richDict(true);
        Handle copy = DictFiles.copyDict(t(original), t(), t());
        // a copy writes the same file as the original
        write(original, "orig.hdict");
        write(copy, "copy.hdict");
        assertSameBytes(bytes("copy.hdict"), bytes("orig.hdict"));
        Object innerCopy = DictOperators.getDictTuple(t(copy), t("nested")).get(0);
        Object innerOriginal = DictOperators.getDictTuple(t(original), t("nested")).get(0);
        assertThat(innerCopy).isNotEqualTo(innerOriginal);
        DictOperators.setDictTuple(t(innerCopy), t("depth"), t(99L));
        assertThat(DictOperators.getDictTuple(t(innerOriginal), t("depth"))).containsExactly(2L);
        DictOperators.setDictTuple(t(copy), t("ints"), t(1L));
        assertThat(DictOperators.getDictTuple(t(original), t("ints"))).hasSize(4);
        Object modelCopy = DictOperators.getDictTuple(t(copy), t("model")).get(0);
        Object modelOriginal = DictOperators.getDictTuple(t(original), t("model")).get(0);
        assertThat(modelCopy).isNotEqualTo(modelOriginal);
        assertThat(((Handle) modelCopy).type()).isEqualTo(HandleType.DL_MODEL);
        assertThat(DictOperators.getDictObject(t(copy), t("images")))
                .isEqualTo(DictOperators.getDictObject(t(original), t("images")));
    }

    @Test
    void contentThatCannotBeStoredIsRefusedOrReplaced() throws IOException {
        Handle d = newDict();
        Handle pruning = HandleRegistry.global().register(HandleType.DL_PRUNING, new Object());
        payload(d).put("p", new DictValue.Tuple(t(1L, pruning)));
        assertCode(2455, () -> write(d, "p.hdict"));
        assertCode(2455, () -> DictFiles.copyDict(t(d), t(), t()));

        write(d, "p.hdict", "raise_error_if_content_not_serializable", "false");
        assertThat(DictOperators.getDictTuple(t(read("p.hdict")), t("p"))).containsExactly(1L, Handle.NULL);
        Handle copy = DictFiles.copyDict(t(d), t("raise_error_if_content_not_serializable"), t("low_level"));
        assertThat(DictOperators.getDictTuple(t(copy), t("p"))).containsExactly(1L, Handle.NULL);

        Handle cleared = newDict();
        cleared.clear();
        payload(d).put("p", new DictValue.Tuple(t(cleared)));
        assertCode(2455, () -> write(d, "c.hdict"));

        Handle withImage = newDict();
        payload(withImage).put("img", new DictValue.Objects(List.of(image(PixelType.BYTE, 2, 2, 1, 0))));
        payload(withImage).put("nan", new DictValue.Tuple(t(1.0, Double.NaN)));
        payload(withImage).put("ok", new DictValue.Tuple(t("kept")));
        assertCode(2455, () -> write(withImage, "i.json"));
        payload(withImage).remove("img");
        assertCode(2455, () -> write(withImage, "i.json"));
        payload(withImage).put("img", new DictValue.Objects(List.of(image(PixelType.BYTE, 2, 2, 1, 0))));
        write(withImage, "i.json", "raise_error_if_content_not_serializable", "false");
        assertThat(new String(bytes("i.json"), StandardCharsets.UTF_8)).isEqualTo("{\"nan\":1.0,\"ok\":\"kept\"}");
    }

    @Test
    void aDictThatContainsItselfIsACycle() {
        Handle d = newDict();
        Handle child = newDict();
        payload(d).put("child", new DictValue.Tuple(t(child)));
        payload(child).put("parent", new DictValue.Tuple(t(d)));
        assertCode(2456, () -> write(d, "cycle.hdict"));
        assertCode(2456, () -> write(d, "cycle.json"));
        assertCode(2456, () -> DictFiles.copyDict(t(d), t(), t()));
        assertThat(dir.resolve("cycle.hdict")).doesNotExist();
        // the same dict twice is no cycle
        Handle shared = newDict();
        payload(shared).put("v", new DictValue.Tuple(t(1L)));
        Handle twice = newDict();
        payload(twice).put("a", new DictValue.Tuple(t(shared, shared)));
        write(twice, "twice.hdict");
        assertThat(DictOperators.getDictTuple(t(read("twice.hdict")), t("a"))).hasSize(2);
    }

    // ---- errors by number ----

    static Stream<Arguments> unreadableFiles() {
        byte[] valid = HdictFormat.encode(payload(richDict(true)), Unserializable.RAISE);
        byte[] badVersion = valid.clone();
        badVersion[11] = 9;
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] hugeCount = Arrays.copyOf(HdictFormat.MAGIC, 16);
        hugeCount[11] = 1;
        hugeCount[12] = 0x7f;
        hugeCount[13] = (byte) 0xff;
        // one dict {"i": image} whose byte image claims (2^31-1) x (2^31-1) x 4 pixels, a size that wraps around 2^64
        java.nio.ByteBuffer huge = java.nio.ByteBuffer.allocate(64);
        huge.put(HdictFormat.MAGIC).putInt(1).putInt(1).put((byte) 'S').putInt(1).put((byte) 'i').put((byte) 'O')
                .putInt(1).putInt(4).put("byte".getBytes(StandardCharsets.US_ASCII))
                .putInt(Integer.MAX_VALUE).putInt(Integer.MAX_VALUE).putInt(4);
        byte[] hugeImage = Arrays.copyOf(huge.array(), huge.position() + 8);
        return Stream.of(
                Arguments.of("huge_image.hdict", hugeImage),
                Arguments.of("garbage.hdict", "not a dict".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("json_in.hdict", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("binary_in.json", valid),
                Arguments.of("truncated.hdict", Arrays.copyOf(valid, valid.length / 2)),
                Arguments.of("header_only.hdict", Arrays.copyOf(valid, 10)),
                Arguments.of("version.hdict", badVersion),
                Arguments.of("trailing.hdict", trailing),
                Arguments.of("huge_count.hdict", hugeCount),
                Arguments.of("empty.json", new byte[0]),
                Arguments.of("array.json", "[1,2]".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("comma.json", "{\"a\":1,}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("zero.json", "{\"a\":01}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("dup.json", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("surrogate.json", "{\"a\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("after.json", "{} {}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("too_large.json", "{\"a\":1e400}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("nan.json", "{\"a\":NaN}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("latin1.json", new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'}),
                Arguments.of("deep.json", ("{\"a\":" + "[".repeat(300) + "]".repeat(300) + "}")
                        .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("other.txt", "x".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void filesThatAreNoDictAreAWrongFileFormat(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
        assertCode(5238, () -> read(name));
    }

    static Stream<Arguments> badCalls() {
        return Stream.<Arguments>of(
                Arguments.of("read: missing file", 5200, (Consumer<DictFilesTest>) c -> c.read("absent.hdict")),
                Arguments.of("read: file name not a string", 1201,
                        (Consumer<DictFilesTest>) c -> DictFiles.readDict(t(1L), t(), t())),
                Arguments.of("read: unknown parameter", 1302,
                        (Consumer<DictFilesTest>) c -> c.read("absent", "file_type", "json")),
                Arguments.of("read: names without values", 1403,
                        (Consumer<DictFilesTest>) c -> DictFiles.readDict(t("x"), t("json_value_true"), t())),
                Arguments.of("read: other array conversion", 1303,
                        (Consumer<DictFilesTest>) c -> c.read("absent", "convert_json_arrays_to", "tuple")),
                Arguments.of("write: not a dict", 1201,
                        (Consumer<DictFilesTest>) c -> DictFiles.writeDict(t("x"), t("f.hdict"), t(), t())),
                Arguments.of("write: NULL handle", 2453,
                        (Consumer<DictFilesTest>) c -> DictFiles.writeDict(t(Handle.NULL), t("f.hdict"), t(), t())),
                Arguments.of("write: model handle", 2404, (Consumer<DictFilesTest>) c -> DictFiles.writeDict(
                        t(DlModelOperators.register(DlModel.of(TestGraphs.plainChain()))), t("f.hdict"), t(), t())),
                Arguments.of("write: file name not a string", 1202,
                        (Consumer<DictFilesTest>) c -> DictFiles.writeDict(t(newDict()), t(2.0), t(), t())),
                Arguments.of("write: unknown file type", 1304,
                        (Consumer<DictFilesTest>) c -> c.write(newDict(), "f.x", "file_type", "xml")),
                Arguments.of("write: unknown parameter", 1303,
                        (Consumer<DictFilesTest>) c -> c.write(newDict(), "f.x", "compress", "true")),
                Arguments.of("write: unknown policy", 1304, (Consumer<DictFilesTest>) c -> c.write(newDict(), "f.x",
                        "raise_error_if_content_not_serializable", "maybe")),
                Arguments.of("write: folder missing", 5212,
                        (Consumer<DictFilesTest>) c -> c.write(newDict(), "no/such/folder/f.hdict")),
                Arguments.of("copy: cleared dict", 2454, (Consumer<DictFilesTest>) c -> {
                    Handle h = newDict();
                    h.clear();
                    DictFiles.copyDict(t(h), t(), t());
                }),
                Arguments.of("copy: unknown parameter", 1302,
                        (Consumer<DictFilesTest>) c -> DictFiles.copyDict(t(newDict()), t("copy_tuple"), t("true"))),
                Arguments.of("copy: values without names", 1403,
                        (Consumer<DictFilesTest>) c -> DictFiles.copyDict(t(newDict()), t(), t("true"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badCallsRaiseHalconsErrors(String what, int code, Consumer<DictFilesTest> call) {
        assertCode(code, () -> call.accept(this));
    }

    @Test
    void aFailedWriteKeepsTheOldFile() throws IOException {
        Handle good = newDict();
        payload(good).put("v", new DictValue.Tuple(t(1L)));
        write(good, "keep.hdict");
        byte[] before = bytes("keep.hdict");
        Handle bad = newDict();
        payload(bad).put("p", new DictValue.Tuple(t(HandleRegistry.global().register(HandleType.DL_PRUNING, "x"))));
        assertCode(2455, () -> write(bad, "keep.hdict"));
        assertThat(bytes("keep.hdict")).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.hdict");
        }
    }

    private static void assertCode(int code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HalconError.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
