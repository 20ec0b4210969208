package dev.hprune.cshim;

import static dev.hprune.cshim.HalconCLibrary.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.hprune.halcon.HHandle;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.halcon.HalconException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T_read_dict, T_write_dict and T_copy_dict, checked against the Java API on the same files and handles. */
class DictFileOperatorsTest {
    private final CSide c = new CSide();

    @TempDir
    Path dir;

    @AfterEach
    void release() {
        c.close();
    }

    private Pointer dictWithValues() {
        PointerByReference ref = new PointerByReference();
        assertThat(C.T_create_dict(ref)).isEqualTo(2);
        Pointer dict = c.out(ref);
        assertThat(C.T_set_dict_tuple(dict, c.tuple("k"), c.tuple(1L, 2.5, "three"))).isEqualTo(2);
        PointerByReference inner = new PointerByReference();
        C.T_create_dict(inner);
        Pointer child = c.out(inner);
        C.T_set_dict_tuple(child, c.tuple(4L), c.tuple("four"));
        C.T_set_dict_tuple(dict, c.tuple("child"), child);
        return dict;
    }

    @Test
    void aFileWrittenFromCIsTheFileJavaWrites() throws Exception {
        Pointer dict = dictWithValues();
        HTuple javaDict = new HTuple(new HHandle(CSide.handle(dict)));
        for (String name : new String[] {"d.hdict", "d.json"}) {
            String fromC = dir.resolve("c_" + name).toString();
            String fromJava = dir.resolve("java_" + name).toString();
            assertThat(C.T_write_dict(dict, c.tuple(fromC), c.tuple(), c.tuple())).isEqualTo(2);
            HOperatorSet.WriteDict(javaDict, new HTuple(fromJava), new HTuple(), new HTuple());
            assertThat(Files.readAllBytes(Path.of(fromC))).isEqualTo(Files.readAllBytes(Path.of(fromJava)));

            PointerByReference out = new PointerByReference();
            assertThat(C.T_read_dict(c.tuple(fromJava), c.tuple(), c.tuple(), out)).isEqualTo(2);
            Pointer back = c.out(out);
            PointerByReference values = new PointerByReference();
            assertThat(C.T_get_dict_tuple(back, c.tuple("k"), values)).isEqualTo(2);
            assertThat(CSide.read(c.out(values))).containsExactly(1L, 2.5, "three");
        }
    }

    @Test
    void copyDictFromCIsDeep() {
        Pointer dict = dictWithValues();
        PointerByReference out = new PointerByReference();
        assertThat(C.T_copy_dict(dict, c.tuple(), c.tuple(), out)).isEqualTo(2);
        Pointer copy = c.out(out);
        assertThat(CSide.handle(copy)).isNotEqualTo(CSide.handle(dict));
        PointerByReference childRef = new PointerByReference();
        C.T_get_dict_tuple(copy, c.tuple("child"), childRef);
        Pointer childCopy = c.out(childRef);
        C.T_set_dict_tuple(childCopy, c.tuple(4L), c.tuple("changed"));

        HTuple original = new HTuple(new HHandle(CSide.handle(dict)));
        HTuple child = new HTuple();
        HOperatorSet.GetDictTuple(original, new HTuple("child"), child);
        HTuple four = new HTuple();
        HOperatorSet.GetDictTuple(child, new HTuple(4), four);
        assertThat(four).isEqualTo(new HTuple("four"));
    }

    @Test
    void errorNumbersAreThoseOfTheJavaApi() throws Exception {
        Path garbage = dir.resolve("garbage.hdict");
        Files.writeString(garbage, "no dict");
        assertThat(C.T_read_dict(c.tuple(garbage.toString()), c.tuple(), c.tuple(), new PointerByReference()))
                .isEqualTo(5238).isEqualTo(javaCode(() -> HOperatorSet.ReadDict(new HTuple(garbage.toString()),
                        new HTuple(), new HTuple(), new HTuple())));
        String missing = dir.resolve("missing.hdict").toString();
        assertThat(C.T_read_dict(c.tuple(missing), c.tuple(), c.tuple(), new PointerByReference())).isEqualTo(5200);
        Pointer dict = dictWithValues();
        assertThat(C.T_write_dict(dict, c.tuple(dir.resolve("x.json").toString()), c.tuple("file_type"),
                c.tuple("xml"))).isEqualTo(1304);
        assertThat(C.T_copy_dict(dict, c.tuple("copy_tuple"), c.tuple("true"), new PointerByReference()))
                .isEqualTo(1302);
        assertThat(C.T_write_dict(dict, c.tuple(dir.toString() + "/no/such/dir/x.hdict"), c.tuple(), c.tuple()))
                .isEqualTo(5212);
    }

    private static int javaCode(Runnable call) {
        try {
            call.run();
        } catch (HalconException e) {
            return e.getErrorCode();
        }
        return 2;
    }
}
