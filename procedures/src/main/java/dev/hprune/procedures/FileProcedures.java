package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.fill;
import static dev.hprune.procedures.ProcedureSupport.wrongType;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.Locale;

/** HALCON's file procedures that the dataset procedures use: {@code list_image_files}. */
public final class FileProcedures {
    private FileProcedures() {}

    /** HALCON's image file extensions, the list that Extensions 'default' stands for. */
    static final String[] DEFAULT_EXTENSIONS = {"ima", "tif", "tiff", "gif", "bmp", "jpg", "jpeg", "jp2", "jxr", "png",
        "pcx", "ras", "xwd", "pbm", "pnm", "pgm", "ppm"};

    /**
     * list_image_files( : : ImageDirectory, Extensions, Options : ImageFiles): the files under ImageDirectory (one
     * directory or a tuple of them, listed one after the other) whose extension is one of Extensions, compared without
     * regard to case. Extensions: 'default' or [] for HALCON's image extensions (ima, tif, tiff, gif, bmp, jpg, jpeg, jp2,
     * jxr, png, pcx, ras, xwd, pbm, pnm, pgm, ppm), else a tuple of extensions with or without the leading dot. Options go
     * to list_files ('recursive', 'max_depth N', 'max_files N', 'follow_links'); 'files' is always added. Names are
     * list_files' (directory + '/' + name, sorted per directory). Errors: a directory or extension that is no string
     * (1201/1202), an empty extension (1302), list_files' own (5200 for a missing directory, 1303 for a bad option).
     */
    public static void list_image_files(HTuple imageDirectory, HTuple extensions, HTuple options, HTuple imageFiles) {
        String procedure = "list_image_files";
        String[] wanted = DEFAULT_EXTENSIONS;
        boolean isDefault = extensions.length() == 0
                || (extensions.length() == 1 && "default".equals(extensions.asList().get(0)));
        if (!isDefault) {
            wanted = new String[extensions.length()];
            for (int i = 0; i < wanted.length; i++) {
                if (extensions.getType(i) != HTuple.STRING) {
                    throw wrongType(procedure, 2, "Extensions must be strings, got " + extensions);
                }
                String extension = extensions.getS(i);
                wanted[i] = extension.startsWith(".") ? extension.substring(1) : extension;
                if (wanted[i].isEmpty()) {
                    throw wrongValue(procedure, 2, "an empty extension in " + extensions);
                }
            }
        }
        HTuple listOptions = new HTuple("files").append(options);
        HTuple found = new HTuple();
        for (int d = 0; d < imageDirectory.length(); d++) {
            if (imageDirectory.getType(d) != HTuple.STRING) {
                throw wrongType(procedure, 1, "ImageDirectory must hold directory names, got " + imageDirectory);
            }
            HTuple files = new HTuple();
            HOperatorSet.ListFiles(new HTuple(imageDirectory.getS(d)), listOptions, files);
            for (String file : files.toSArr()) {
                if (hasExtension(file, wanted)) {
                    found.append(file);
                }
            }
        }
        fill(imageFiles, found);
    }

    private static boolean hasExtension(String file, String[] extensions) {
        String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String extension = name.substring(dot + 1);
        for (String wanted : extensions) {
            if (extension.equals(wanted.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
