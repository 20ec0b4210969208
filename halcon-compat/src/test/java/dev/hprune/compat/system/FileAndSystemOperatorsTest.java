package dev.hprune.compat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hprune.compat.error.HalconError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file_exists, list_files, make_dir, remove_dir, delete_file on a small tree; set_system and get_system. */
class FileAndSystemOperatorsTest {
    @TempDir
    Path root;
    String dir;

    static List<Object> t(Object... values) {
        return Arrays.asList(values);
    }

    /** root/b.txt, root/a/x.png, root/a/deep/y.png, root/link -> a. */
    @BeforeEach
    void tree() throws IOException {
        Files.writeString(root.resolve("b.txt"), "b");
        Files.createDirectories(root.resolve("a/deep"));
        Files.writeString(root.resolve("a/x.png"), "x");
        Files.writeString(root.resolve("a/deep/y.png"), "y");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("a"));
        dir = root.toString();
    }

    @Test
    void listFilesFollowsItsOptions() {
        assertThat(FileOperators.listFiles(t(dir), t("files"))).containsExactly(dir + "/b.txt", dir + "/link");
        assertThat(FileOperators.listFiles(t(dir), t("directories"))).containsExactly(dir + "/a/");
        assertThat(FileOperators.listFiles(t(dir), t())).containsExactly(dir + "/a/", dir + "/b.txt", dir + "/link");
        assertThat(FileOperators.listFiles(t(dir), t("files", "recursive"))).containsExactly(
                dir + "/a/deep/y.png", dir + "/a/x.png", dir + "/b.txt", dir + "/link");
        assertThat(FileOperators.listFiles(t(dir), t("files", "max_depth 2"))).containsExactly(
                dir + "/a/x.png", dir + "/b.txt", dir + "/link");
        assertThat(FileOperators.listFiles(t(dir), t("files", "recursive", "max_files 2"))).containsExactly(
                dir + "/a/deep/y.png", dir + "/a/x.png");
        // Through the link the same directory is reached twice; it is listed once (first under a/).
        assertThat(FileOperators.listFiles(t(dir), t("directories", "recursive", "follow_links"))).containsExactly(
                dir + "/a/", dir + "/a/deep/", dir + "/link/");
        assertThat(FileOperators.listFiles(t(dir + "/"), t("files"))).containsExactly(dir + "/b.txt", dir + "/link");
    }

    @Test
    void listFilesErrors() {
        assertCode(() -> FileOperators.listFiles(t(dir + "/missing"), t()), 5200);
        assertCode(() -> FileOperators.listFiles(t(dir + "/b.txt"), t()), 1301);
        assertCode(() -> FileOperators.listFiles(t(dir), t("sorted")), 1302);
        assertCode(() -> FileOperators.listFiles(t(dir), t("max_depth 0")), 1302);
        assertCode(() -> FileOperators.listFiles(t(dir), t("max_files x")), 1302);
        assertCode(() -> FileOperators.listFiles(t(dir), t(3L)), 1202);
        assertCode(() -> FileOperators.listFiles(t(1L), t()), 1201);
        assertCode(() -> FileOperators.listFiles(t(dir, dir), t()), 1401);
    }

    @Test
    void makeRemoveDeleteAndExists() {
        String fresh = dir + "/new/inner";
        assertThat(FileOperators.fileExists(t(fresh))).containsExactly(0L);
        FileOperators.makeDir(t(fresh));
        assertThat(FileOperators.fileExists(t(fresh))).containsExactly(1L);
        assertCode(() -> FileOperators.makeDir(t(fresh)), 1301);
        FileOperators.removeDir(t(fresh));
        assertThat(FileOperators.fileExists(t(fresh))).containsExactly(0L);
        assertCode(() -> FileOperators.removeDir(t(fresh)), 5200);
        assertCode(() -> FileOperators.removeDir(t(dir + "/a")), 1301);
        assertCode(() -> FileOperators.removeDir(t(dir + "/b.txt")), 1301);
        assertCode(() -> FileOperators.deleteFile(t(dir + "/a")), 1301);
        FileOperators.deleteFile(t(dir + "/b.txt"));
        assertThat(FileOperators.fileExists(t(dir + "/b.txt"))).containsExactly(0L);
        assertCode(() -> FileOperators.deleteFile(t(dir + "/b.txt")), 5200);
        assertCode(() -> FileOperators.fileExists(t("")), 1301);
        assertCode(() -> FileOperators.fileExists(t(2L)), 1201);
    }

    @Test
    void seedRandSeedsTheGlobalSource() {
        SystemOperators.setSystem(t("seed_rand"), t(42L));
        assertThat(SystemOperators.getSystem(t("seed_rand"))).containsExactly(42L);
        double first = RandomSource.global().nextDouble();
        assertThat(first).isEqualTo(new RandomSource(42).nextDouble());
        assertCode(() -> SystemOperators.setSystem(t("seed_rand"), t(1.5)), 1202);
        assertCode(() -> SystemOperators.setSystem(t("seed_rand"), t()), 1402);
        assertCode(() -> SystemOperators.setSystem(t("flush_graphic"), t("true")), 1301);
        assertCode(() -> SystemOperators.setSystem(t(1L), t(1L)), 1201);
        assertCode(() -> SystemOperators.getSystem(t("width")), 1301);
        assertCode(() -> SystemOperators.getSystem(t()), 1401);
    }

    static void assertCode(Runnable call, int code) {
        HalconError error = catchThrowableOfType(HalconError.class, call::run);
        assertThat(error).isNotNull();
        assertThat(error.code()).as(error.getMessage()).isEqualTo(code);
    }
}
