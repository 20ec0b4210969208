package dev.hprune.compat.dictfile;

import dev.hprune.compat.dict.Dict;
import dev.hprune.compat.dict.DictValue;
import dev.hprune.compat.dl.DlModel;
import dev.hprune.compat.dl.DlModelOperators;
import dev.hprune.compat.error.ErrorCodes;
import dev.hprune.compat.error.HalconError;
import dev.hprune.compat.handle.Handle;
import dev.hprune.compat.handle.HandleRegistry;
import dev.hprune.compat.handle.HandleType;
import dev.hprune.compat.image.Image;
import dev.hprune.compat.image.PixelType;
import dev.hprune.compat.onnx.OnnxReader;
import dev.hprune.compat.onnx.OnnxWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * hprune's own binary dict file ('.hdict'; HALCON's layout is not public, so HALCON cannot read these files nor hprune
 * HALCON's). Big-endian throughout:
 *
 * <pre>
 * file    = MAGIC (8 bytes) version:u32 dict        (nothing may follow)
 * dict    = count:u32 { key value }
 * key     = 'S' string | 'I' i64
 * value   = 'T' count:u32 { element }               a tuple
 *         | 'O' count:u32 { image }                 an object tuple
 * element = 'I' i64 | 'R' f64 bits | 'S' string
 *         | 'D' dict                                a dict handle
 *         | 'M' length:u32 bytes                    a model handle, as an ONNX model (write_dl_model's form)
 *         | 'N'                                     an empty handle
 * image   = type:string width:u32 height:u32 channels:u32 pixels (planar; byte images one u8 each, others f32)
 * string  = length:u32 UTF-8 bytes
 * </pre>
 *
 * Reading checks every length against what is left, so a damaged file is refused with 5238 without large allocations.
 */
final class HdictFormat {
    static final byte[] MAGIC = {(byte) 0x89, 'H', 'P', 'D', 'I', 'C', 'T', '\n'};
    static final int VERSION = 1;

    private HdictFormat() {}

    static boolean hasMagic(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    // ---- writing ----

    static byte[] encode(Dict dict, Unserializable policy) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            new Writer(out, policy).dict(dict);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return buffer.toByteArray();
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Unserializable policy;
        private final DictPath path = new DictPath();

        Writer(DataOutputStream out, Unserializable policy) {
            this.out = out;
            this.policy = policy;
        }

        void dict(Dict dict) throws IOException {
            path.enter(dict);
            List<Object> keys = dict.keys();
            List<DictValue> values = new ArrayList<>(keys.size());
            List<Object> present = new ArrayList<>(keys.size());
            for (Object key : keys) {
                dict.get(key).ifPresent(v -> {
                    present.add(key);
                    values.add(v);
                });
            }
            out.writeInt(present.size());
            for (int i = 0; i < present.size(); i++) {
                key(present.get(i));
                value(values.get(i));
            }
            path.leave(dict);
        }

        private void key(Object key) throws IOException {
            if (key instanceof Long l) {
                out.writeByte('I');
                out.writeLong(l);
            } else {
                out.writeByte('S');
                string((String) key);
            }
        }

        private void value(DictValue value) throws IOException {
            if (value instanceof DictValue.Tuple tuple) {
                out.writeByte('T');
                out.writeInt(tuple.values().size());
                for (Object element : tuple.values()) {
                    element(element);
                }
            } else if (value instanceof DictValue.Objects objects) {
                out.writeByte('O');
                out.writeInt(objects.images().size());
                for (Image image : objects.images()) {
                    image(image);
                }
            }
        }

        private void element(Object element) throws IOException {
            if (element instanceof Long l) {
                out.writeByte('I');
                out.writeLong(l);
            } else if (element instanceof Double d) {
                out.writeByte('R');
                out.writeLong(Double.doubleToRawLongBits(d));
            } else if (element instanceof String s) {
                out.writeByte('S');
                string(s);
            } else if (element instanceof Handle h) {
                handle(h);
            } else {
                throw new IllegalStateException("a tuple element of " + element.getClass());
            }
        }

        private void handle(Handle handle) throws IOException {
            Object payload = handle.payload();
            if (handle.isNull()) {
                out.writeByte('N');
            } else if (payload instanceof Dict nested && handle.type() == HandleType.DICT) {
                out.writeByte('D');
                dict(nested);
            } else if (payload instanceof DlModel model && handle.type() == HandleType.DL_MODEL) {
                byte[] onnx = OnnxWriter.toBytes(model.graph());
                out.writeByte('M');
                out.writeInt(onnx.length);
                out.write(onnx);
            } else {
                policy.refuse("the handle " + handle);
                out.writeByte('N');
            }
        }

        private void image(Image image) throws IOException {
            string(image.type().halconName());
            out.writeInt(image.width());
            out.writeInt(image.height());
            out.writeInt(image.channels());
            for (float v : image.toPlanar()) {
                if (image.type() == PixelType.BYTE) {
                    out.writeByte((int) v);
                } else {
                    out.writeInt(Float.floatToRawIntBits(v));
                }
            }
        }

        private void string(String s) throws IOException {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    // ---- reading ----

    /** The dict a file holds, with new handles for nested dicts and models; 5238 for anything malformed. */
    static Dict decode(byte[] bytes) {
        if (!hasMagic(bytes)) {
            throw DictFiles.wrongFormat("no hprune dict file (magic header missing)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(MAGIC.length);
        try {
            int version = in.getInt();
            if (version != VERSION) {
                throw DictFiles.wrongFormat("dict file version " + version + ", this hprune reads " + VERSION);
            }
            Dict dict = new Reader(in).dict(0);
            if (in.hasRemaining()) {
                throw DictFiles.wrongFormat(in.remaining() + " bytes after the dict");
            }
            return dict;
        } catch (BufferUnderflowException e) {
            throw DictFiles.wrongFormat("the file ends inside the dict");
        }
    }

    private static final class Reader {
        private final ByteBuffer in;

        Reader(ByteBuffer in) {
            this.in = in;
        }

        Dict dict(int depth) {
            if (depth > Json.MAX_DEPTH) {
                throw DictFiles.wrongFormat("dicts nested deeper than " + Json.MAX_DEPTH);
            }
            Dict dict = new Dict();
            int count = count(2);
            for (int i = 0; i < count; i++) {
                Object key = key();
                if (dict.get(key).isPresent()) {
                    throw DictFiles.wrongFormat("key " + key + " twice in one dict");
                }
                dict.put(key, value(depth));
            }
            return dict;
        }

        private Object key() {
            byte tag = in.get();
            return switch (tag) {
                case 'I' -> in.getLong();
                case 'S' -> string();
                default -> throw DictFiles.wrongFormat("unknown key tag " + tag);
            };
        }

        private DictValue value(int depth) {
            byte tag = in.get();
            switch (tag) {
                case 'T' -> {
                    int count = count(1);
                    List<Object> elements = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        elements.add(element(depth));
                    }
                    return new DictValue.Tuple(elements);
                }
                case 'O' -> {
                    int count = count(4);
                    List<Image> images = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        images.add(image());
                    }
                    return new DictValue.Objects(images);
                }
                default -> throw DictFiles.wrongFormat("unknown value tag " + tag);
            }
        }

        private Object element(int depth) {
            byte tag = in.get();
            return switch (tag) {
                case 'I' -> in.getLong();
                case 'R' -> Double.longBitsToDouble(in.getLong());
                case 'S' -> string();
                case 'N' -> Handle.NULL;
                case 'D' -> HandleRegistry.global().register(HandleType.DICT, dict(depth + 1));
                case 'M' -> model();
                default -> throw DictFiles.wrongFormat("unknown tuple element tag " + tag);
            };
        }

        private Handle model() {
            byte[] onnx = new byte[count(1)];
            in.get(onnx);
            DlModel model;
            try {
                model = DlModel.of(OnnxReader.read(onnx));
            } catch (HalconError e) {
                throw DictFiles.wrongFormat("the stored model is no readable ONNX model: " + e.getMessage());
            }
            return DlModelOperators.register(model);
        }

        private Image image() {
            String typeName = string();
            PixelType type = PixelType.fromHalconName(typeName)
                    .orElseThrow(() -> DictFiles.wrongFormat("unknown pixel type '" + typeName + "'"));
            int width = in.getInt();
            int height = in.getInt();
            int channels = in.getInt();
            if (width <= 0 || height <= 0 || channels <= 0) {
                throw DictFiles.wrongFormat("image size " + width + "x" + height + "x" + channels);
            }
            // each factor is checked against the bytes left before the next multiplication, so nothing overflows
            long area = (long) width * height;
            long bytesPer = type == PixelType.BYTE ? 1 : 4;
            if (area > in.remaining() || area * channels * bytesPer > in.remaining()) {
                throw DictFiles.wrongFormat("image data of " + width + "x" + height + "x" + channels
                        + " pixels longer than the file");
            }
            long pixels = area * channels;
            float[] planar = new float[(int) pixels];
            for (int i = 0; i < planar.length; i++) {
                planar[i] = type == PixelType.BYTE ? in.get() & 0xff : Float.intBitsToFloat(in.getInt());
            }
            return Image.ofPlanar(type, width, height, channels, planar);
        }

        private String string() {
            byte[] utf8 = new byte[count(1)];
            in.get(utf8);
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(utf8)).toString();
            } catch (CharacterCodingException e) {
                throw DictFiles.wrongFormat("a string that is no UTF-8");
            }
        }

        /** A count or length, checked against the bytes left (each counted item takes at least {@code minBytes}). */
        private int count(int minBytes) {
            int count = in.getInt();
            if (count < 0 || (long) count * minBytes > in.remaining()) {
                throw DictFiles.wrongFormat("count " + Integer.toUnsignedString(count) + " exceeds the file");
            }
            return count;
        }
    }
}
