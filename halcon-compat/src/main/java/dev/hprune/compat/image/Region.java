package dev.hprune.compat.image;

/**
 * A region as hprune holds it: one axis-parallel rectangle of pixels, rows {@code row1..row2} and columns
 * {@code column1..column2}, both ends included (HALCON's rectangle1 convention). That covers what images with a
 * rectangular domain need (get_domain, change_domain, crop_domain, min_max_gray); HALCON's general regions (runs of
 * arbitrary shape) are not modelled. A region here is never empty.
 */
public record Region(int row1, int column1, int row2, int column2) implements Iconic {
    public Region {
        if (row2 < row1 || column2 < column1) {
            throw new IllegalArgumentException("empty rectangle " + row1 + "," + column1 + " .. " + row2 + "," + column2);
        }
    }

    /** The whole pixel matrix of a width x height image. */
    public static Region full(int width, int height) {
        return new Region(0, 0, height - 1, width - 1);
    }

    public int width() {
        return column2 - column1 + 1;
    }

    public int height() {
        return row2 - row1 + 1;
    }

    /** The number of pixels. */
    public long area() {
        return (long) width() * height();
    }

    /** Whether this is the whole matrix of a width x height image. */
    public boolean coversAll(int width, int height) {
        return row1 == 0 && column1 == 0 && row2 == height - 1 && column2 == width - 1;
    }

    /** The part of this rectangle inside a width x height image, or {@code null} when they do not overlap. */
    public Region clippedTo(int width, int height) {
        int r1 = Math.max(row1, 0);
        int c1 = Math.max(column1, 0);
        int r2 = Math.min(row2, height - 1);
        int c2 = Math.min(column2, width - 1);
        return r2 < r1 || c2 < c1 ? null : new Region(r1, c1, r2, c2);
    }
}
