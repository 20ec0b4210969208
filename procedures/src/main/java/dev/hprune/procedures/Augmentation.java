package dev.hprune.procedures;

import static dev.hprune.procedures.ProcedureSupport.get;
import static dev.hprune.procedures.ProcedureSupport.handleAt;
import static dev.hprune.procedures.ProcedureSupport.wrongValue;

import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 'augment' parameters of create_dl_train_param for classification and the augmentation train_dl_model applies
 * with them (HALCON's augment_dl_samples). Keys and ranges: 'augmentation_percentage' (0..100, default 50), 'rotate'
 * (0, 90 or 180: turns in steps of that size; 90° turns are skipped for non-square images), 'mirror' ('off', 'r', 'c',
 * 'rc', 'cr'), 'brightness_variation' (0..255: every pixel shifted by one uniform draw in ±value), 'crop_percentage'
 * ('off' or 1..100: a random crop of that share of width and height, zoomed back to the model size), 'crop_pixel'
 * ('off' or ≥ 1: a random crop that many pixels smaller in each direction, zoomed back), 'rotate_range' (an integer
 * 0..180: a rotation about the image centre by a whole number of degrees drawn uniformly in ±value) and
 * 'brightness_variation_spot' (0..255: a Gaussian spot of random place and size brightened or darkened by up to value).
 *
 * <p>Per sample, as HALCON: one tuple_rand draw decides whether the sample is augmented (draw × 100 ≤ percentage), a
 * second picks one of the enabled methods uniformly, further draws parametrize it. All draws come from tuple_rand, so
 * train_dl_model's per-batch set_system('seed_rand', …) makes them a function of the train seed.
 *
 * <p>HALCON documents what 'rotate_range' and 'brightness_variation_spot' do but not every detail; hprune's choices:
 * the rotation is counterclockwise for positive angles (HALCON's rotate_image convention) about the centre
 * ((width-1)/2, (height-1)/2), bilinear, keeps the image size, and pixels that come from outside the image are 0 (the
 * gray value HALCON leaves outside a reduced domain). The spot: centre row and column uniform over the image, radius r
 * uniform in [0.25, 0.75]·min(width, height), amplitude a uniform in ±value; pixels at distance d &lt; r from the centre
 * get a·exp(-d²/(2σ²)) added with σ = r/3 (the same in every channel), pixels at r or farther keep their values.
 */
final class Augmentation {
    static final List<String> KEYS = List.of("augmentation_percentage", "rotate", "mirror", "brightness_variation",
            "brightness_variation_spot", "crop_percentage", "crop_pixel", "rotate_range");

    private final double percentage;
    private final int rotate;
    private final String mirror;
    private final double brightness;
    private final Double cropPercentage;
    private final Long cropPixel;
    private final double spot;
    private final int rotateRange;

    private Augmentation(double percentage, int rotate, String mirror, double brightness, Double cropPercentage,
            Long cropPixel, double spot, int rotateRange) {
        this.spot = spot;
        this.rotateRange = rotateRange;
        this.percentage = percentage;
        this.rotate = rotate;
        this.mirror = mirror;
        this.brightness = brightness;
        this.cropPercentage = cropPercentage;
        this.cropPixel = cropPixel;
    }

    /**
     * Reads and checks an 'augment' dict of {@code procedure} at control parameter {@code position}: unknown keys,
     * detection-only keys and values outside the ranges above are 1300 + position.
     */
    static Augmentation of(String procedure, HTuple dict, int position) {
        HTuple keys = new HTuple();
        HOperatorSet.GetDictParam(dict, new HTuple("keys"), new HTuple(), keys);
        Map<String, HTuple> values = new LinkedHashMap<>();
        for (Object key : keys.asList()) {
            if (!KEYS.contains(key)) {
                throw wrongValue(procedure, position, "unknown or non-classification 'augment' key '" + key
                        + "'; known: " + KEYS);
            }
            values.put((String) key, get(dict, (String) key));
        }
        double percentage = number(procedure, values, "augmentation_percentage", 50, 0, 100, position);
        double rotate = number(procedure, values, "rotate", 0, 0, 180, position);
        if (rotate != 0 && rotate != 90 && rotate != 180) {
            throw wrongValue(procedure, position, "'rotate' must be 0, 90 or 180, got " + rotate);
        }
        String mirror = values.containsKey("mirror") ? single(procedure, values.get("mirror"), "mirror", position)
                : "off";
        if (!List.of("off", "r", "c", "rc", "cr").contains(mirror)) {
            throw wrongValue(procedure, position, "'mirror' must be 'off', 'r', 'c', 'rc' or 'cr', got '" + mirror + "'");
        }
        double brightness = number(procedure, values, "brightness_variation", 0, 0, 255, position);
        double spot = number(procedure, values, "brightness_variation_spot", 0, 0, 255, position);
        double rotateRange = number(procedure, values, "rotate_range", 0, 0, 180, position);
        Double cropPercentage = offOr(procedure, values, "crop_percentage", 1, 100, position);
        Double cropPixel = offOr(procedure, values, "crop_pixel", 1, Double.MAX_VALUE, position);
        if (cropPixel != null && cropPixel != Math.floor(cropPixel)) {
            throw wrongValue(procedure, position, "'crop_pixel' must be an integer, got " + cropPixel);
        }
        if (rotateRange != Math.floor(rotateRange)) {
            throw wrongValue(procedure, position, "'rotate_range' is in steps of 1 degree, got " + rotateRange);
        }
        return new Augmentation(percentage, (int) rotate, mirror, brightness, cropPercentage,
                cropPixel == null ? null : cropPixel.longValue(), spot, (int) rotateRange);
    }

    private static double number(String procedure, Map<String, HTuple> values, String key, double fallback,
            double min, double max, int position) {
        HTuple value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.length() != 1 || value.getType(0) == HTuple.STRING || value.getType(0) == HTuple.HANDLE) {
            throw wrongValue(procedure, position, "'" + key + "' must be one number, got " + value);
        }
        double v = value.getD(0);
        if (!(v >= min && v <= max)) {
            throw wrongValue(procedure, position, "'" + key + "' must lie in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    private static Double offOr(String procedure, Map<String, HTuple> values, String key, double min, double max,
            int position) {
        HTuple value = values.get(key);
        if (value == null || (value.length() == 1 && "off".equals(value.getO(0)))) {
            return null;
        }
        return number(procedure, values, key, 0, min, max, position);
    }

    private static String single(String procedure, HTuple value, String key, int position) {
        if (value.length() != 1 || value.getType(0) != HTuple.STRING) {
            throw wrongValue(procedure, position, "'" + key + "' must be one string, got " + value);
        }
        return value.getS(0);
    }

    /** True when some method is enabled and the percentage lets any sample through. */
    boolean enabled() {
        return percentage > 0 && !methods().isEmpty();
    }

    private List<String> methods() {
        List<String> methods = new ArrayList<>();
        if (rotate != 0) {
            methods.add("rotate");
        }
        if (!mirror.equals("off")) {
            methods.add("mirror");
        }
        if (brightness != 0) {
            methods.add("brightness_variation");
        }
        if (spot != 0) {
            methods.add("brightness_variation_spot");
        }
        if (cropPercentage != null) {
            methods.add("crop_percentage");
        }
        if (cropPixel != null) {
            methods.add("crop_pixel");
        }
        if (rotateRange != 0) {
            methods.add("rotate_range");
        }
        return methods;
    }

    /** Augments the 'image' of every sample dict of the batch in place, drawing from tuple_rand. */
    void apply(HTuple batch) {
        List<String> methods = methods();
        if (percentage == 0 || methods.isEmpty()) {
            return;
        }
        for (int i = 0; i < batch.length(); i++) {
            if (rand() * 100 > percentage) {
                continue;
            }
            String method = methods.get(Math.min(methods.size() - 1, (int) (rand() * methods.size())));
            HTuple sample = handleAt(batch, i);
            HObject object = new HObject();
            HOperatorSet.GetDictObject(object, sample, new HTuple("image"));
            HImage image = new HImage(object);
            HObject augmented = switch (method) {
                case "rotate" -> turn(image);
                case "mirror" -> mirror(image);
                case "brightness_variation" -> brighten(image);
                case "brightness_variation_spot" -> spot(image);
                case "rotate_range" -> rotateByDrawnAngle(image);
                case "crop_percentage" -> crop(image, (int) Math.round(image.getWidth() * cropPercentage / 100),
                        (int) Math.round(image.getHeight() * cropPercentage / 100));
                case "crop_pixel" -> crop(image, (int) Math.max(1, image.getWidth() - cropPixel),
                        (int) Math.max(1, image.getHeight() - cropPixel));
                default -> throw new IllegalStateException(method);
            };
            HOperatorSet.SetDictObject(augmented, sample, new HTuple("image"));
        }
    }

    private static double rand() {
        HTuple r = new HTuple();
        HOperatorSet.TupleRand(new HTuple(1), r);
        return r.getD();
    }

    /** Quarter turns: 'rotate' 90 draws 1..3 turns (only 2 for a non-square image), 180 one half turn. */
    private HObject turn(HImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int quarters;
        if (rotate == 180 || w != h) {
            quarters = 2;
        } else {
            quarters = 1 + Math.min(2, (int) (rand() * 3));
        }
        float[] pixels = image.toPlanar();
        int channels = image.countChannels();
        for (int q = 0; q < quarters; q++) {
            pixels = quarterTurn(pixels, q % 2 == 0 ? w : h, q % 2 == 0 ? h : w, channels);
        }
        return HImage.fromPlanar(image.getImageType(), quarters % 2 == 0 ? w : h, quarters % 2 == 0 ? h : w, channels,
                pixels);
    }

    /** One clockwise quarter turn of a planar image of width w and height h (the result is h wide, w high). */
    static float[] quarterTurn(float[] pixels, int w, int h, int channels) {
        float[] turned = new float[pixels.length];
        for (int c = 0; c < channels; c++) {
            int base = c * w * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    // (x, y) moves to column h-1-y, row x of the h-wide result
                    turned[base + x * h + (h - 1 - y)] = pixels[base + y * w + x];
                }
            }
        }
        return turned;
    }

    /** 'r' mirrors the rows (upside down), 'c' the columns; 'rc' and 'cr' draw rows, columns or both per sample. */
    private HObject mirror(HImage image) {
        boolean rows = mirror.contains("r");
        boolean columns = mirror.contains("c");
        if (rows && columns) {
            // HALCON picks per sample among the modes the string names; draw row, column or both
            int pick = Math.min(2, (int) (rand() * 3));
            rows = pick != 1;
            columns = pick != 0;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = image.countChannels();
        float[] pixels = image.toPlanar();
        float[] mirrored = new float[pixels.length];
        for (int c = 0; c < channels; c++) {
            int base = c * w * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = rows ? h - 1 - y : y;
                    int sx = columns ? w - 1 - x : x;
                    mirrored[base + y * w + x] = pixels[base + sy * w + sx];
                }
            }
        }
        return HImage.fromPlanar(image.getImageType(), w, h, channels, mirrored);
    }

    /** Every pixel shifted by one draw in [-brightness, brightness]. */
    private HObject brighten(HImage image) {
        float shift = (float) ((rand() * 2 - 1) * brightness);
        float[] pixels = image.toPlanar();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] += shift;
        }
        return HImage.fromPlanar(image.getImageType(), image.getWidth(), image.getHeight(), image.countChannels(),
                pixels);
    }

    /** A Gaussian spot: draws centre row, centre column, radius and amplitude, in that order (see the class comment). */
    private HObject spot(HImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double row = rand() * (h - 1);
        double column = rand() * (w - 1);
        double radius = Math.min(w, h) * (0.25 + 0.5 * rand());
        double amplitude = (rand() * 2 - 1) * spot;
        float[] pixels = image.toPlanar();
        addSpot(pixels, w, h, image.countChannels(), row, column, radius, amplitude);
        return HImage.fromPlanar(image.getImageType(), w, h, image.countChannels(), pixels);
    }

    /**
     * Adds amplitude·exp(-d²/(2σ²)), σ = radius/3, to every pixel at distance d &lt; radius from (row, column), in each
     * channel of the planar image.
     */
    static void addSpot(float[] pixels, int w, int h, int channels, double row, double column, double radius,
            double amplitude) {
        double sigma = radius / 3;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d2 = (y - row) * (y - row) + (x - column) * (x - column);
                if (d2 >= radius * radius) {
                    continue;
                }
                float shift = (float) (amplitude * Math.exp(-d2 / (2 * sigma * sigma)));
                for (int c = 0; c < channels; c++) {
                    pixels[c * w * h + y * w + x] += shift;
                }
            }
        }
    }

    /** 'rotate_range': one draw picks a whole angle uniformly among -range..range. */
    private HObject rotateByDrawnAngle(HImage image) {
        int angle = Math.min(rotateRange, (int) Math.floor(rand() * (2 * rotateRange + 1)) - rotateRange);
        int w = image.getWidth();
        int h = image.getHeight();
        return HImage.fromPlanar(image.getImageType(), w, h, image.countChannels(),
                rotate(image.toPlanar(), w, h, image.countChannels(), angle));
    }

    /**
     * The planar image rotated counterclockwise by {@code degrees} about its centre, bilinear, same size; output pixels
     * whose source lies outside the image are 0.
     */
    static float[] rotate(float[] pixels, int w, int h, int channels, double degrees) {
        double radians = Math.toRadians(degrees);
        // whole quarter turns exactly, so that 90° moves pixels without interpolation
        double cos = Math.abs(Math.cos(radians)) < 1e-12 ? 0 : Math.cos(radians);
        double sin = Math.abs(Math.sin(radians)) < 1e-12 ? 0 : Math.sin(radians);
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        float[] rotated = new float[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // inverse of the counterclockwise turn (rows grow downwards): where this output pixel comes from
                double dx = x - cx;
                double dy = y - cy;
                double sx = cx + dx * cos - dy * sin;
                double sy = cy + dx * sin + dy * cos;
                if (sx < -1e-9 || sy < -1e-9 || sx > w - 1 + 1e-9 || sy > h - 1 + 1e-9) {
                    continue;
                }
                sx = Math.max(0, Math.min(w - 1, sx));
                sy = Math.max(0, Math.min(h - 1, sy));
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                int x1 = Math.min(w - 1, x0 + 1);
                int y1 = Math.min(h - 1, y0 + 1);
                double fx = sx - x0;
                double fy = sy - y0;
                for (int c = 0; c < channels; c++) {
                    int base = c * w * h;
                    double top = pixels[base + y0 * w + x0] * (1 - fx) + pixels[base + y0 * w + x1] * fx;
                    double bottom = pixels[base + y1 * w + x0] * (1 - fx) + pixels[base + y1 * w + x1] * fx;
                    rotated[base + y * w + x] = (float) (top * (1 - fy) + bottom * fy);
                }
            }
        }
        return rotated;
    }

    /** A cw × ch window at a random place, zoomed back to the image size with zoom_image_size 'constant'. */
    private HObject crop(HImage image, int cw, int ch) {
        int w = image.getWidth();
        int h = image.getHeight();
        cw = Math.max(1, Math.min(w, cw));
        ch = Math.max(1, Math.min(h, ch));
        int x0 = Math.min(w - cw, (int) (rand() * (w - cw + 1)));
        int y0 = Math.min(h - ch, (int) (rand() * (h - ch + 1)));
        int channels = image.countChannels();
        float[] pixels = image.toPlanar();
        float[] window = new float[cw * ch * channels];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < ch; y++) {
                System.arraycopy(pixels, c * w * h + (y0 + y) * w + x0, window, c * cw * ch + y * cw, cw);
            }
        }
        HImage cropped = HImage.fromPlanar(image.getImageType(), cw, ch, channels, window);
        HObject zoomed = new HObject();
        HOperatorSet.ZoomImageSize(cropped, zoomed, new HTuple(w), new HTuple(h), new HTuple("constant"));
        return zoomed;
    }
}
