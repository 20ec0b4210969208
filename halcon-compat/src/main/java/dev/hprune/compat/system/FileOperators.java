package dev.hprune.compat.system;

import dev.hprune.compat.control.ControlArgs;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * HALCON's file operators of the chapter File / Misc (https://www.mvtec.com/doc/halcon/2311/en/toc_file_misc.html):
 * file_exists, list_files, make_dir, remove_dir, delete_file.
 *
 * <p>A missing file or directory is 5200 (File not found). A path that exists but is of the wrong kind, a directory that
 * exists already or is not empty, and a path the system refuses are 1301 (our reading: HALCON's pages name the failure
 * but not its number).
 */
public final class FileOperators {
    private FileOperators() {}

    /** list_files' default for 'max_depth' when 'recursive' is given without it (our choice; deep enough for datasets). */
    static final int DEFAULT_MAX_DEPTH = 1000;

    /** file_exists( : : FileName : FileExists): 1 when a file or directory of that name exists, else 0. */
    public static List<Object> fileExists(List<Object> fileName) {
        return List.of(Files.exists(path(fileName, 1)) ? 1L : 0L);
    }

    /**
     * list_files( : : Directory, Options : Files): the entries of Directory ('' is the current directory) as
     * Directory + '/' + name, sorted by name in each directory; directories end with '/'. Options: 'files' (files only),
     * 'directories' (directories only; both or neither give both), 'recursive' (descend into subdirectories),
     * 'follow_links' (follow symbolic links, each real directory listed once), 'max_depth N' (descend at most N levels,
     * 1 = Directory only; implies 'recursive'), 'max_files N' (stop after N entries).
     */
    public static List<Object> listFiles(List<Object> directory, List<Object> options) {
        String given = ControlArgs.string(directory, 1);
        Path dir = given.isEmpty() ? Path.of(".") : toPath(given, 1);
        boolean files = false;
        boolean directories = false;
        boolean recursive = false;
        boolean followLinks = false;
        int maxDepth = -1;
        long maxFiles = Long.MAX_VALUE;
        if (options == null) {
            throw HalconError.of(ErrorCodes.INPUT_CONTROL_NOT_INITIALIZED, "Options is null");
        }
        for (Object o : options) {
            if (!(o instanceof String option)) {
                throw ControlArgs.wrongType(2, "option strings", o);
            }
            switch (option) {
                case "files" -> files = true;
                case "directories" -> directories = true;
                case "recursive" -> recursive = true;
                case "follow_links" -> followLinks = true;
                default -> {
                    if (option.startsWith("max_depth ")) {
                        maxDepth = (int) Math.min(Integer.MAX_VALUE, positiveNumber(option, "max_depth "));
                        recursive = true;
                    } else if (option.startsWith("max_files ")) {
                        maxFiles = positiveNumber(option, "max_files ");
                    } else {
                        throw ControlArgs.wrongValue(2, "unknown option '" + option + "'");
                    }
                }
            }
        }
        if (!files && !directories) {
            files = true;
            directories = true;
        }
        LinkOption[] link = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (!Files.isDirectory(dir, link)) {
            throw Files.exists(dir) ? ControlArgs.wrongValue(1, "'" + given + "' is not a directory")
                    : HalconError.of(ErrorCodes.FILE_NOT_FOUND, "directory '" + given + "'");
        }
        int depth = !recursive ? 1 : maxDepth < 0 ? DEFAULT_MAX_DEPTH : maxDepth;
        String prefix = given.isEmpty() ? "" : given.endsWith("/") ? given : given + "/";
        List<Object> found = new ArrayList<>();
        Set<Path> visited = new HashSet<>();
        walk(dir, prefix, depth, files, directories, link, maxFiles, found, visited);
        return found;
    }

    private static void walk(Path dir, String prefix, int depth, boolean files, boolean directories, LinkOption[] link,
            long maxFiles, List<Object> found, Set<Path> visited) {
        if (depth < 1 || found.size() >= maxFiles) {
            return;
        }
        try {
            // A directory reached twice through links (a cycle) is listed once.
            if (!visited.add(dir.toRealPath())) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            return; // unreadable directories are skipped, as a listing of what can be read
        }
        for (Path entry : entries) {
            if (found.size() >= maxFiles) {
                return;
            }
            String name = prefix + entry.getFileName();
            if (Files.isDirectory(entry, link)) {
                if (directories) {
                    found.add(name + "/");
                }
                walk(entry, name + "/", depth - 1, files, directories, link, maxFiles, found, visited);
            } else if (files) {
                found.add(name);
            }
        }
    }

    /** make_dir( : : DirName : ): creates the directory and missing parents; an existing one is 1301. */
    public static void makeDir(List<Object> dirName) {
        Path dir = path(dirName, 1);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw ControlArgs.wrongValue(1, "'" + dir + "' exists already");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw ControlArgs.wrongValue(1, "cannot create '" + dir + "': " + e.getMessage());
        }
    }

    /** remove_dir( : : DirName : ): deletes an empty directory; missing 5200, not empty or not a directory 1301. */
    public static void removeDir(List<Object> dirName) {
        Path dir = path(dirName, 1);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw HalconError.of(ErrorCodes.FILE_NOT_FOUND, "directory '" + dir + "'");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw ControlArgs.wrongValue(1, "'" + dir + "' is not a directory");
        }
        try {
            Files.delete(dir);
        } catch (DirectoryNotEmptyException e) {
            throw ControlArgs.wrongValue(1, "directory '" + dir + "' is not empty");
        } catch (IOException e) {
            throw ControlArgs.wrongValue(1, "cannot remove '" + dir + "': " + e.getMessage());
        }
    }

    /** delete_file( : : FileName : ): deletes a file; missing 5200, a directory 1301. */
    public static void deleteFile(List<Object> fileName) {
        Path file = path(fileName, 1);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw HalconError.of(ErrorCodes.FILE_NOT_FOUND, "file '" + file + "'");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw ControlArgs.wrongValue(1, "'" + file + "' is a directory; remove_dir removes directories");
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw ControlArgs.wrongValue(1, "cannot delete '" + file + "': " + e.getMessage());
        }
    }

    private static long positiveNumber(String option, String name) {
        String digits = option.substring(name.length()).trim();
        try {
            long n = Long.parseLong(digits);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ControlArgs.wrongValue(2, "'" + option + "' needs a positive integer");
    }

    private static Path path(List<Object> tuple, int position) {
        String name = ControlArgs.string(tuple, position);
        if (name.isEmpty()) {
            throw ControlArgs.wrongValue(position, "empty file name");
        }
        return toPath(name, position);
    }

    private static Path toPath(String name, int position) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw ControlArgs.wrongValue(position, "not a path: " + e.getMessage());
        }
    }
}
