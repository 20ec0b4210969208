package dev.hprune.cli.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Labelled images split into a part to score and retrain on and a held-out part to measure accuracy on.
 *
 * @param maxValue the brightest pixel value of the source (255 for 8-bit images, 16 for sklearn's digits); preprocessing
 *     maps 0..maxValue onto the model's image range
 */
public record Dataset(String description, List<String> classNames, double maxValue, List<LabelledImage> train,
        List<LabelledImage> test) {

    /** All images, training part first. */
    public List<LabelledImage> all() {
        List<LabelledImage> all = new ArrayList<>(train);
        all.addAll(test);
        return all;
    }

    /**
     * Splits images per class, so that every class is in both parts in proportion: a seeded shuffle, then the first
     * {@code heldOut} fraction of each class is held out.
     */
    public static Dataset split(String description, List<String> classNames, double maxValue,
            List<LabelledImage> images, double heldOut, long seed) {
        List<List<LabelledImage>> byClass = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            byClass.add(new ArrayList<>());
        }
        images.forEach(image -> byClass.get(image.label()).add(image));
        Random random = new Random(seed);
        List<LabelledImage> train = new ArrayList<>();
        List<LabelledImage> test = new ArrayList<>();
        for (List<LabelledImage> members : byClass) {
            Collections.shuffle(members, random);
            int testCount = members.size() < 2 ? 0 : Math.max(1, (int) Math.round(members.size() * heldOut));
            test.addAll(members.subList(0, testCount));
            train.addAll(members.subList(testCount, members.size()));
        }
        Collections.shuffle(train, random);
        Collections.shuffle(test, random);
        return new Dataset(description, List.copyOf(classNames), maxValue, train, test);
    }

    /** The first {@code trainLimit} and {@code testLimit} images of each part; 0 keeps a part whole. */
    public Dataset limited(int trainLimit, int testLimit) {
        return new Dataset(description, classNames, maxValue, head(train, trainLimit), head(test, testLimit));
    }

    private static List<LabelledImage> head(List<LabelledImage> images, int limit) {
        return limit <= 0 || limit >= images.size() ? images : List.copyOf(images.subList(0, limit));
    }
}
