package dev.hprune.tests.reliability;

import static dev.hprune.tests.reliability.BadInputMatrixTest.EMPTY;
import static dev.hprune.tests.reliability.BadInputMatrixTest.NULL;
import static dev.hprune.tests.reliability.BadInputMatrixTest.OTHER;
import static dev.hprune.tests.reliability.BadInputMatrixTest.OUT_OF_RANGE;
import static dev.hprune.tests.reliability.BadInputMatrixTest.UNKNOWN_NAME;
import static dev.hprune.tests.reliability.BadInputMatrixTest.WRONG_LENGTH;
import static dev.hprune.tests.reliability.BadInputMatrixTest.WRONG_TYPE;

import dev.hprune.halcon.HImage;
import dev.hprune.halcon.HObject;
import dev.hprune.halcon.HOperatorSet;
import dev.hprune.halcon.HTuple;
import dev.hprune.tests.reliability.BadInputMatrixTest.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad-input matrix rows of the preprocessing image operators (issue 14): pixel and channel operators, domains and
 * their rectangle regions, gen_image1/gen_image3 from Java arrays, get_image_pointer1 and replace_obj.
 */
final class PreprocessingImageRows {
    private PreprocessingImageRows() {}

    static HTuple t(Object... values) {
        return HTuple.of(values);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        HTuple out = new HTuple();
        HTuple nullTuple = null;
        HImage grey = new HImage("byte", 4, 3);
        HImage rgb = HImage.fromPlanar("byte", 4, 3, 3, new float[36]);
        HImage small = new HImage("byte", 2, 2);
        HObject twoImages = new HObject();
        HOperatorSet.ConcatObj(grey, grey, twoImages);
        HObject region = new HObject();
        HOperatorSet.GenRectangle1(region, t(0), t(0), t(1), t(1));
        HObject twoRegions = new HObject();
        HOperatorSet.ConcatObj(region, region, twoRegions);
        HObject outside = new HObject();
        HOperatorSet.GenRectangle1(outside, t(10), t(10), t(12), t(12));

        // scale_image(Image : ImageScaled : Mult, Add : )
        rows.add(new Row("scale_image", WRONG_TYPE, "string Mult", 1201,
                () -> HOperatorSet.ScaleImage(grey, new HObject(), t("2"), t(0))));
        rows.add(new Row("scale_image", EMPTY, "no Add", 1402,
                () -> HOperatorSet.ScaleImage(grey, new HObject(), t(1), t())));
        rows.add(new Row("scale_image", WRONG_LENGTH, "two Mult", 1401,
                () -> HOperatorSet.ScaleImage(grey, new HObject(), t(1, 2), t(0))));
        rows.add(new Row("scale_image", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.ScaleImage(new HObject(), new HObject(), t(1), t(0))));
        rows.add(new Row("scale_image", NULL, "null output", 2955,
                () -> HOperatorSet.ScaleImage(grey, null, t(1), t(0))));
        rows.add(new Row("scale_image", OTHER, "a region as image", 1501,
                () -> HOperatorSet.ScaleImage(region, new HObject(), t(1), t(0))));

        // rgb1_to_gray(RGBImage : GrayImage : : )
        rows.add(new Row("rgb1_to_gray", OUT_OF_RANGE, "two channels", 3359,
                () -> HOperatorSet.Rgb1ToGray(HImage.fromPlanar("byte", 1, 1, 2, new float[2]), new HObject())));
        rows.add(new Row("rgb1_to_gray", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.Rgb1ToGray(new HObject(), new HObject())));
        rows.add(new Row("rgb1_to_gray", NULL, "null output", 2955, () -> HOperatorSet.Rgb1ToGray(rgb, null)));

        // access_channel(MultiChannelImage : Image : Channel : ),
        // append_channel(MultiChannelImage, Image : ImageExtended : : )
        rows.add(new Row("access_channel", OUT_OF_RANGE, "channel 4 of 3", 1301,
                () -> HOperatorSet.AccessChannel(rgb, new HObject(), t(4))));
        rows.add(new Row("access_channel", OUT_OF_RANGE, "channel 0 (1-based)", 1301,
                () -> HOperatorSet.AccessChannel(rgb, new HObject(), t(0))));
        rows.add(new Row("access_channel", WRONG_TYPE, "real channel", 1201,
                () -> HOperatorSet.AccessChannel(rgb, new HObject(), t(1.0))));
        rows.add(new Row("access_channel", EMPTY, "no channel", 1401,
                () -> HOperatorSet.AccessChannel(rgb, new HObject(), t())));
        rows.add(new Row("access_channel", NULL, "null channel", 2954,
                () -> HOperatorSet.AccessChannel(rgb, new HObject(), nullTuple)));
        rows.add(new Row("append_channel", OUT_OF_RANGE, "images of different size", 3117,
                () -> HOperatorSet.AppendChannel(rgb, small, new HObject())));
        rows.add(new Row("append_channel", WRONG_LENGTH, "two objects in Image", 1502,
                () -> HOperatorSet.AppendChannel(rgb, twoImages, new HObject())));
        rows.add(new Row("append_channel", OTHER, "a region as Image", 1502,
                () -> HOperatorSet.AppendChannel(rgb, region, new HObject())));
        rows.add(new Row("append_channel", NULL, "uninitialized Image", 2953,
                () -> HOperatorSet.AppendChannel(rgb, new HObject(), new HObject())));

        // get_image_type, copy_image
        rows.add(new Row("get_image_type", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.GetImageType(new HObject(), out)));
        rows.add(new Row("get_image_type", NULL, "null output", 2956,
                () -> HOperatorSet.GetImageType(grey, nullTuple)));
        rows.add(new Row("copy_image", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.CopyImage(new HObject(), new HObject())));
        rows.add(new Row("copy_image", OTHER, "a region", 1501, () -> HOperatorSet.CopyImage(region, new HObject())));

        // min_max_gray(Regions, Image : : Percent : Min, Max, Range)
        rows.add(new Row("min_max_gray", OUT_OF_RANGE, "Percent 50.5", 1301,
                () -> HOperatorSet.MinMaxGray(grey, grey, t(50.5), out, out, out)));
        rows.add(new Row("min_max_gray", OUT_OF_RANGE, "Percent -1", 1301,
                () -> HOperatorSet.MinMaxGray(grey, grey, t(-1), out, out, out)));
        rows.add(new Row("min_max_gray", WRONG_TYPE, "string Percent", 1201,
                () -> HOperatorSet.MinMaxGray(grey, grey, t("5"), out, out, out)));
        rows.add(new Row("min_max_gray", EMPTY, "no Percent", 1401,
                () -> HOperatorSet.MinMaxGray(grey, grey, t(), out, out, out)));
        rows.add(new Row("min_max_gray", WRONG_LENGTH, "two images", 1502,
                () -> HOperatorSet.MinMaxGray(grey, twoImages, t(0), out, out, out)));
        rows.add(new Row("min_max_gray", OUT_OF_RANGE, "region outside the image", 1501,
                () -> HOperatorSet.MinMaxGray(outside, grey, t(0), out, out, out)));
        rows.add(new Row("min_max_gray", NULL, "uninitialized regions", 2953,
                () -> HOperatorSet.MinMaxGray(new HObject(), grey, t(0), out, out, out)));
        rows.add(new Row("min_max_gray", NULL, "null Range", 2956,
                () -> HOperatorSet.MinMaxGray(grey, grey, t(0), out, out, nullTuple)));

        // gen_image1/gen_image3 with Java arrays
        rows.add(new Row("gen_image1", UNKNOWN_NAME, "type 'int2'", 1301,
                () -> HOperatorSet.GenImage1(new HObject(), t("int2"), t(2), t(1), new byte[2])));
        rows.add(new Row("gen_image1", OUT_OF_RANGE, "width 0", 1302,
                () -> HOperatorSet.GenImage1(new HObject(), t("byte"), t(0), t(1), new byte[0])));
        rows.add(new Row("gen_image1", WRONG_TYPE, "float[] for 'byte'", 1204,
                () -> HOperatorSet.GenImage1(new HObject(), t("byte"), t(2), t(1), new float[2])));
        rows.add(new Row("gen_image1", WRONG_LENGTH, "3 values for 2x1", 1404,
                () -> HOperatorSet.GenImage1(new HObject(), t("byte"), t(2), t(1), new byte[3])));
        rows.add(new Row("gen_image1", NULL, "null pixels", 2954,
                () -> HOperatorSet.GenImage1(new HObject(), t("byte"), t(2), t(1), null)));
        rows.add(new Row("gen_image3", WRONG_TYPE, "byte[] for 'real' blue", 1206,
                () -> HOperatorSet.GenImage3(new HObject(), t("real"), t(1), t(1), new float[1], new float[1],
                        new byte[1])));
        rows.add(new Row("gen_image3", WRONG_LENGTH, "short green", 1405,
                () -> HOperatorSet.GenImage3(new HObject(), t("byte"), t(2), t(1), new byte[2], new byte[1],
                        new byte[2])));
        rows.add(new Row("gen_image3", NULL, "null output", 2955,
                () -> HOperatorSet.GenImage3(null, t("byte"), t(1), t(1), new byte[1], new byte[1], new byte[1])));

        // get_image_pointer1(Image : : : Pointer, Type, Width, Height)
        rows.add(new Row("get_image_pointer1", WRONG_LENGTH, "two images", 1501,
                () -> HOperatorSet.GetImagePointer1(twoImages, out, out, out, out)));
        rows.add(new Row("get_image_pointer1", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.GetImagePointer1(new HObject(), out, out, out, out)));
        rows.add(new Row("get_image_pointer1", NULL, "null Height", 2956,
                () -> HOperatorSet.GetImagePointer1(grey, out, out, out, nullTuple)));

        // domains
        rows.add(new Row("full_domain", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.FullDomain(new HObject(), new HObject())));
        rows.add(new Row("full_domain", OTHER, "a region", 1501, () -> HOperatorSet.FullDomain(region, new HObject())));
        rows.add(new Row("crop_domain", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.CropDomain(new HObject(), new HObject())));
        rows.add(new Row("crop_domain", NULL, "null output", 2955, () -> HOperatorSet.CropDomain(grey, null)));
        rows.add(new Row("get_domain", NULL, "uninitialized image", 2953,
                () -> HOperatorSet.GetDomain(new HObject(), new HObject())));
        rows.add(new Row("get_domain", OTHER, "a region", 1501, () -> HOperatorSet.GetDomain(region, new HObject())));
        rows.add(new Row("change_domain", WRONG_LENGTH, "two regions", 1502,
                () -> HOperatorSet.ChangeDomain(grey, twoRegions, new HObject())));
        rows.add(new Row("change_domain", OUT_OF_RANGE, "region outside the image", 1502,
                () -> HOperatorSet.ChangeDomain(grey, outside, new HObject())));
        rows.add(new Row("change_domain", NULL, "uninitialized domain", 2953,
                () -> HOperatorSet.ChangeDomain(grey, new HObject(), new HObject())));
        rows.add(new Row("gen_rectangle1", OUT_OF_RANGE, "Row2 < Row1", 1303,
                () -> HOperatorSet.GenRectangle1(new HObject(), t(3), t(0), t(2), t(0))));
        rows.add(new Row("gen_rectangle1", OUT_OF_RANGE, "Column2 < Column1", 1304,
                () -> HOperatorSet.GenRectangle1(new HObject(), t(0), t(3), t(2), t(2))));
        rows.add(new Row("gen_rectangle1", WRONG_TYPE, "string Column1", 1202,
                () -> HOperatorSet.GenRectangle1(new HObject(), t(0), t("0"), t(2), t(2))));
        rows.add(new Row("gen_rectangle1", WRONG_LENGTH, "two Row2", 1403,
                () -> HOperatorSet.GenRectangle1(new HObject(), t(0), t(0), t(2, 3), t(2))));
        rows.add(new Row("gen_rectangle1", EMPTY, "no Row1", 1401,
                () -> HOperatorSet.GenRectangle1(new HObject(), t(), t(), t(), t())));

        // replace_obj(Objects, ObjectsReplace : Objects : Index : )
        rows.add(new Row("replace_obj", OUT_OF_RANGE, "index 3 of 2", 1301,
                () -> HOperatorSet.ReplaceObj(twoImages, grey, new HObject(), t(3))));
        rows.add(new Row("replace_obj", WRONG_LENGTH, "two indices, one object", 1401,
                () -> HOperatorSet.ReplaceObj(twoImages, grey, new HObject(), t(1, 2))));
        rows.add(new Row("replace_obj", WRONG_TYPE, "real index", 1201,
                () -> HOperatorSet.ReplaceObj(twoImages, grey, new HObject(), t(1.0))));
        rows.add(new Row("replace_obj", NULL, "uninitialized ObjectsReplace", 2953,
                () -> HOperatorSet.ReplaceObj(twoImages, new HObject(), new HObject(), t(1))));
        return rows;
    }
}
