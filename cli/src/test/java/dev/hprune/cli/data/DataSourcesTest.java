package dev.hprune.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;

    @Test
    void builtinDigitsAre1797ImagesOf8x8InTenClasses() {
        Dataset digits = new DataSource("builtin").load(0.2, 1);
        assertThat(digits.all()).hasSize(1797);
        assertThat(digits.classNames()).hasSize(10);
        assertThat(digits.all()).allMatch(i -> i.width() == 8 && i.height() == 8 && i.channels() == 1);
        assertThat(digits.maxValue()).isEqualTo(16);
    }

    @Test
    void splitHoldsOutTheFractionOfEveryClass() {
        Dataset digits = new DataSource("builtin").load(0.2, 1);
        assertThat(digits.test().size()).isBetween(355, 365);
        for (int c = 0; c < 10; c++) {
            int label = c;
            assertThat(digits.test().stream().filter(i -> i.label() == label).count()).isBetween(34L, 38L);
        }
    }

    @Test
    void mnistIdxFilesReadWithTheirLabels() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"), 20);
        Dataset mnist = new DataSource("mnist:" + dir).load(0.25, 1);
        assertThat(mnist.all()).hasSize(20);
        assertThat(mnist.test()).hasSize(10); // one of the two images of each of the ten classes
        LabelledImage image = mnist.all().get(0);
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        assertThat(image.planar()[0]).isEqualTo(image.label() * 10f);
    }

    @Test
    void imageFolderClassesAreTheSubfoldersInNameOrder() throws IOException {
        Path root = dir.resolve("shapes");
        dev.hprune.cli.Shapes.write(root, 5, 12, 1);
        Dataset shapes = new DataSource(root.toString()).load(0.2, 1);
        assertThat(shapes.classNames()).containsExactly("ring", "square");
        assertThat(shapes.all()).hasSize(10);
        assertThat(shapes.test()).hasSize(2);
        assertThat(shapes.maxValue()).isEqualTo(255);
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
