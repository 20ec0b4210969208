package dev.hprune.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hprune.cli.run.DlData;
import dev.hprune.halcon.HDict;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;

    @Test
    void builtinDigitsAreWrittenAs1797PngsOf8x8InTenClassFolders() throws IOException {
        Path root = PngFolders.writeDigits(dir.resolve("digits"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSize(1797);
        try (Stream<Path> folders = Files.list(root)) {
            assertThat(folders.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
        // the source's values 0..16 become 0..255: each pixel of the first image, read back by the JDK
        LabelledImage first = Digits.read().get(0);
        BufferedImage png = ImageIO.read(root.resolve(Integer.toString(first.label())).resolve("0000.png").toFile());
        assertThat(png.getWidth()).isEqualTo(8);
        assertThat(png.getHeight()).isEqualTo(8);
        for (int p = 0; p < 64; p++) {
            assertThat(png.getRaster().getSample(p % 8, p / 8, 0)).isEqualTo(Math.round(first.planar()[p] * 255 / 16f));
        }
    }

    @Test
    void imageFolderIsReadWithReadDlDatasetClassification() throws IOException {
        Path root = dir.resolve("shapes");
        dev.hprune.cli.Shapes.write(root, 5, 12, 1);
        DlData.Raw shapes = DlData.read(new DataSource(root.toString()), dir.resolve("work"), 0.2, 1);
        HDict dataset = new HDict(shapes.dataset().getH());
        assertThat(dataset.GetDictTuple("class_names").asList()).containsExactly("ring", "square");
        assertThat(dataset.GetDictTuple("samples").length()).isEqualTo(10);
        assertThat(shapes.namedClasses()).isTrue();
    }

    @Test
    void mnistKeepsItsOwnSplitAsTheSamplesSplit() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"), 20);
        DlData.Raw mnist = DlData.read(new DataSource("mnist:" + dir), dir.resolve("work"), 0.25, 1);
        HTuple samples = new HDict(mnist.dataset().getH()).GetDictTuple("samples");
        assertThat(samples.length()).isEqualTo(20);
        long test = 0;
        for (int i = 0; i < samples.length(); i++) {
            test += new HDict(samples.getH(i)).GetDictTuple("split").getS().equals("test") ? 1 : 0;
        }
        assertThat(test).isEqualTo(10); // as MnistIdx holds out: one of the two images of each class
    }

    @Test
    void dictFileIsReadWithReadDict() throws IOException {
        Path root = dir.resolve("shapes");
        dev.hprune.cli.Shapes.write(root, 3, 12, 1);
        DlData.Raw shapes = DlData.read(new DataSource(root.toString()), dir.resolve("work"), 0.2, 1);
        Path file = dir.resolve("shapes.hdict");
        HOperatorSet.WriteDict(shapes.dataset(), new HTuple(file.toString()), new HTuple(), new HTuple());
        DlData.Raw again = DlData.read(new DataSource(file.toString()), dir.resolve("work"), 0.2, 1);
        assertThat(new HDict(again.dataset().getH()).GetDictTuple("samples").length()).isEqualTo(6);
        assertThat(again.description()).startsWith("DLDataset ");
    }

    @Test
    void mnistIdxFilesReadWithTheirLabels() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"), 20);
        Dataset mnist = MnistIdx.load(dir, 0.25, 1);
        assertThat(mnist.all()).hasSize(20);
        assertThat(mnist.test()).hasSize(10); // one of the two images of each of the ten classes
        LabelledImage image = mnist.all().get(0);
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        assertThat(image.planar()[0]).isEqualTo(image.label() * 10f);
    }

    /** An IDX pair of {@code count} 2x3 images whose first pixel is ten times the label. */
    private static void writeIdx(Path images, Path labels, int count) throws IOException {
        try (DataOutputStream i = new DataOutputStream(Files.newOutputStream(images));
                DataOutputStream l = new DataOutputStream(Files.newOutputStream(labels))) {
            i.writeInt(0x803);
            i.writeInt(count);
            i.writeInt(2);
            i.writeInt(3);
            l.writeInt(0x801);
            l.writeInt(count);
            for (int n = 0; n < count; n++) {
                int label = n % 10;
                i.write(new byte[] {(byte) (label * 10), 1, 2, 3, 4, 5});
                l.write(label);
            }
        }
        assertThat(List.of(images, labels)).allMatch(Files::exists);
    }
}
