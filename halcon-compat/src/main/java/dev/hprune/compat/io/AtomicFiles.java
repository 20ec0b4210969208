package dev.hprune.compat.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Replaces files atomically, for every writer whose file a crash must not corrupt (models, dicts): the bytes go to a
 * temporary file in the target's folder, which is synced and then renamed over the target, so a failed write leaves the
 * old file as it was and no temporary file behind. A process killed mid-write leaves the old file intact and its
 * temporary file ({@code .NAME.RANDOM.tmp}); the next write to the same target deletes such files once they are
 * {@link #ABANDONED_AFTER} old.
 */
public final class AtomicFiles {
    /** How long a temporary file must be untouched before a later write to the same target deletes it. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private AtomicFiles() {}

    /** Writes {@code bytes} as the new content of {@code file}; the caller turns the exception into its HALCON error. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = null;
        try {
            Path target = file.toAbsolutePath();
            Path folder = target.getParent();
            temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            syncFolder(folder);
            removeAbandonedTemporaries(target);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // the write already failed; the original error is the one to report
                }
            }
        }
    }

    /**
     * Deletes temporary files of earlier writes to {@code target} that a killed process left behind (kill -9 between
     * creating the temporary file and the rename). Only files untouched for {@link #ABANDONED_AFTER} go, so that a write
     * another process has in progress is never disturbed. Best effort: a file that cannot be deleted stays.
     */
    static void removeAbandonedTemporaries(Path target) {
        String prefix = "." + target.getFileName() + ".";
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path file : stale) {
                if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the file is written; leftovers of other writes are not this write's failure
        }
    }

    /** Makes the rename durable; not every platform can sync a folder, and the file itself is already synced. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // best effort only
        }
    }
}
