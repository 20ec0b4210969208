package dev.hprune.compat.io;

import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole file for the operators that read one, with HALCON's file errors. */
public final class FileBytes {
    private FileBytes() {}

    /**
     * The bytes of {@code file}; 5200 naming {@code name} (the name as the caller gave it) when it does not exist, 5250
     * when it cannot be read.
     */
    public static byte[] read(Path file, String name) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new HalconError(ErrorCodes.FILE_NOT_FOUND, "", name, e);
        } catch (IOException | RuntimeException e) {
            throw new HalconError(ErrorCodes.FILE_READ, "", "cannot read " + file + ": " + e, e);
        }
    }
}
