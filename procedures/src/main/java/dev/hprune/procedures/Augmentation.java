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
 * ('off' or ≥ 1: a random crop that many pixels smaller in each direction, zoomed back), 'rotate_range' (0..180) and
 * 'brightness_variation_spot' (0..255).
 *
 * <p>Per sample, as HALCON: one tuple_rand draw decides whether the sample is augmented (draw × 100 ≤ percentage), a
 * second picks one of the enabled methods uniformly, further draws parametrize it. hprune applies every method but
 * 'rotate_range' and 'brightness_variation_spot', whose exact effect HALCON does not document; create_dl_train_param
 * refuses them when enabled rather than train with a silently different augmentation.
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

    private Augmentation(double percentage, int rotate, String mirror, double brightness, Double cropPercentage,
            Long cropPixel) {
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
        if (spot != 0 || rotateRange != 0) {
            throw wrongValue(procedure, position, "hprune does not apply 'brightness_variation_spot' or 'rotate_range' "
                    + "yet (HALCON does not document their exact effect); set them to 0");
        }
        return new Augmentation(percentage, (int) rotate, mirror, brightness, cropPercentage,
                cropPixel == null ? null : cropPixel.longValue());
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
        if (cropPercentage != null) {
            methods.add("crop_percentage");
        }
        if (cropPixel != null) {
            methods.add("crop_pixel");
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
