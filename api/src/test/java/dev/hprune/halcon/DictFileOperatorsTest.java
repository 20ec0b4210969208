package dev.hprune.halcon;

import static dev.hprune.halcon.HalconAssertions.assertHalconError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read_dict, write_dict and copy_dict through HOperatorSet and HDict, as a ported HALCON program calls them. */
class DictFileOperatorsTest {
    @TempDir
    Path dir;

    private HTuple sample() {
        HTuple dict = new HTuple();
        HOperatorSet.CreateDict(dict);
        HOperatorSet.SetDictTuple(dict, new HTuple("class_names"), new HTuple(new String[] {"good", "bad"}));
        HOperatorSet.SetDictTuple(dict, new HTuple("mean"), new HTuple(new double[] {0.485, 0.456}));
        HTuple inner = new HTuple();
        HOperatorSet.CreateDict(inner);
        HOperatorSet.SetDictTuple(inner, new HTuple(3), new HTuple(7));
        HOperatorSet.SetDictTuple(dict, new HTuple("split"), inner);
        HObject image = new HObject();
        HOperatorSet.GenImageConst(image, new HTuple("byte"), new HTuple(4), new HTuple(3));
        HOperatorSet.SetDictObject(image, dict, new HTuple("image"));
        return dict;
    }

    @Test
    void writeAndReadThroughHOperatorSet() {
        HTuple dict = sample();
        String file = dir.resolve("params.hdict").toString();
        HOperatorSet.WriteDict(dict, new HTuple(file), new HTuple(), new HTuple());
        HTuple back = new HTuple();
        HOperatorSet.ReadDict(new HTuple(file), new HTuple(), new HTuple(), back);
        HTuple names = new HTuple();
        HOperatorSet.GetDictTuple(back, new HTuple("class_names"), names);
        assertThat(names).isEqualTo(new HTuple(new String[] {"good", "bad"}));
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(back, new HTuple("keys"), new HTuple(), keys);
        assertThat(keys).isEqualTo(HTuple.of("class_names", "mean", "split", "image"));
        HTuple exists = new HTuple();
        HOperatorSet.GetDictParam(back, new HTuple("key_exists"), HTuple.of("image", "absent"), exists);
        assertThat(exists).isEqualTo(new HTuple(new long[] {1, 0}));
        HObject image = new HObject();
        HOperatorSet.GetDictObject(image, back, new HTuple("image"));
        HTuple width = new HTuple();
        HTuple height = new HTuple();
        HOperatorSet.GetImageSize(image, width, height);
        assertThat(width).isEqualTo(new HTuple(4));
        assertThat(height).isEqualTo(new HTuple(3));
    }

    @Test
    void hdictClassMethods() throws Exception {
        HDict dict = new HDict(sample().getH(0));
        String json = dir.resolve("params.json").toString();
        dict.RemoveDictKey("image");
        dict.WriteDict(json, new HTuple(), new HTuple());
        assertThat(Files.readString(Path.of(json))).startsWith("{\"class_names\":[\"good\",\"bad\"],\"mean\":[0.485,0.456]");

        HDict read = new HDict(json, new HTuple(), new HTuple());
        assertThat(read.GetDictTuple("mean")).isEqualTo(new HTuple(new double[] {0.485, 0.456}));
        HDict again = new HDict();
        again.ReadDict(json, new HTuple(), new HTuple());
        assertThat(again.GetDictTuple("class_names")).isEqualTo(new HTuple(new String[] {"good", "bad"}));

        HDict copy = dict.CopyDict(new HTuple(), new HTuple());
        HDict innerCopy = new HDict(copy.GetDictTuple("split").getH(0));
        innerCopy.SetDictTuple(new HTuple(3), new HTuple(8));
        HDict innerOriginal = new HDict(dict.GetDictTuple("split").getH(0));
        assertThat(innerOriginal.GetDictTuple(new HTuple(3))).isEqualTo(new HTuple(7));
        assertThat(dict.CopyDict("raise_error_if_content_not_serializable", "false").GetDictTuple("mean"))
                .isEqualTo(new HTuple(new double[] {0.485, 0.456}));

        dict.WriteDict(dir.resolve("as_json.dat").toString(), "file_type", "json");
        assertThat(Files.readString(dir.resolve("as_json.dat"))).startsWith("{");
    }

    @Test
    void errorsCarryHalconsNumbers() {
        HTuple out = new HTuple();
        assertHalconError(() -> HOperatorSet.ReadDict(new HTuple(dir.resolve("none.hdict").toString()),
                new HTuple(), new HTuple(), out), 5200, "read_dict");
        assertHalconError(() -> new HDict(dir.resolve("none").toString(), new HTuple(), new HTuple()), 5200,
                "read_dict");
        HTuple dict = sample();
        assertHalconError(() -> HOperatorSet.WriteDict(dict, new HTuple(dir.resolve("x.json").toString()),
                new HTuple(), new HTuple()), 2455, "write_dict");
        assertHalconError(() -> HOperatorSet.CopyDict(dict, new HTuple("copy_tuple"), new HTuple("true"), out), 1302,
                "copy_dict");
        assertThat(out).isEqualTo(new HTuple());
    }
}
