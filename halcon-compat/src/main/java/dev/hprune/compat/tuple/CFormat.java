package dev.hprune.compat.tuple;

import dev.hprune.compat.control.ControlArgs;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One conversion of tuple_string's Format: C printf's flags, field width, precision and conversion character without the
 * leading '%' ('10.2f', '-8s', '.3e', '08d', 'x'). Java's Formatter differs from C where it matters here (no precision
 * for integers, no trailing-zero removal in %g, other names for NaN and infinity), so the conversions are built here.
 */
record CFormat(String flags, int width, int precision, char conversion) {
    private static final Pattern SYNTAX = Pattern.compile("([-+ #0]*)([0-9]*)(?:\\.([0-9]*))?([diouxXfeEgGs])");

    /** The parsed format, or 1302 (Format is control parameter 2 of tuple_string) when it is not one conversion. */
    static CFormat parse(String format) {
        Matcher m = SYNTAX.matcher(format);
        if (!m.matches()) {
            throw ControlArgs.wrongValue(2, "'" + format + "' is no conversion: [flags][width][.precision]"
                    + " and one of d i o u x X f e E g G s");
        }
        int width = m.group(2).isEmpty() ? 0 : parseBounded(m.group(2), format);
        int precision = m.group(3) == null ? -1 : m.group(3).isEmpty() ? 0 : parseBounded(m.group(3), format);
        return new CFormat(m.group(1), width, precision, m.group(4).charAt(0));
    }

    private static int parseBounded(String digits, String format) {
        if (digits.length() > 4) {
            throw ControlArgs.wrongValue(2, "width or precision of '" + format + "' above 9999");
        }
        return Integer.parseInt(digits);
    }

    boolean integerConversion() {
        return "diouxX".indexOf(conversion) >= 0;
    }

    boolean realConversion() {
        return "feEgG".indexOf(conversion) >= 0;
    }

    boolean leftAlign() {
        return flags.indexOf('-') >= 0;
    }

    String formatInteger(long value) {
        boolean negative = value < 0 && (conversion == 'd' || conversion == 'i');
        String digits;
        switch (conversion) {
            case 'o' -> digits = Long.toOctalString(value);
            case 'x' -> digits = Long.toHexString(value);
            case 'X' -> digits = Long.toHexString(value).toUpperCase(Locale.ROOT);
            case 'u' -> digits = Long.toUnsignedString(value);
            default -> digits = negative ? Long.toString(value).substring(1) : Long.toString(value);
        }
        if (precision == 0 && value == 0) {
            digits = ""; // C prints nothing for a zero with precision 0
        }
        while (digits.length() < precision) {
            digits = "0" + digits;
        }
        String prefix = negative ? "-" : signPrefix(conversion == 'd' || conversion == 'i');
        if (flags.indexOf('#') >= 0 && value != 0) {
            if (conversion == 'x') {
                prefix += "0x";
            } else if (conversion == 'X') {
                prefix += "0X";
            } else if (conversion == 'o' && !digits.startsWith("0")) {
                prefix += "0";
            }
        }
        // The '0' flag pads with zeros only when no precision is given, as in C.
        return pad(prefix, digits, flags.indexOf('0') >= 0 && precision < 0);
    }

    String formatReal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            String text = Double.isNaN(value) ? "nan" : "inf";
            if (Character.isUpperCase(conversion)) {
                text = text.toUpperCase(Locale.ROOT);
            }
            String prefix = value < 0 ? "-" : Double.isNaN(value) ? "" : signPrefix(true);
            return pad(prefix, text, false);
        }
        int p = precision < 0 ? 6 : precision;
        String body;
        switch (conversion) {
            case 'f' -> body = fixed(Math.abs(value), p);
            case 'e', 'E' -> body = exponential(Math.abs(value), p, conversion == 'E');
            default -> body = general(Math.abs(value), p == 0 ? 1 : p, conversion == 'G');
        }
        if (flags.indexOf('#') >= 0 && p == 0 && !body.contains(".") && conversion != 'g' && conversion != 'G') {
            body = body.replaceFirst("^([0-9]+)", "$1.");
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return pad(negative ? "-" : signPrefix(true), body, flags.indexOf('0') >= 0);
    }

    /** A string through '%[-][width][.precision]s': precision cuts, width pads. */
    String formatString(String value) {
        String body = precision >= 0 && value.length() > precision ? value.substring(0, precision) : value;
        return pad("", body, false);
    }

    /** C's %.pf: the exact binary value rounded half to even (Java's Formatter rounds half up: 0.5 gives 1, C 0). */
    private static String fixed(double magnitude, int p) {
        return new BigDecimal(magnitude).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** C's %.pe with the same rounding: one digit, p decimals, an exponent of at least two digits. */
    private static String exponential(double magnitude, int p, boolean upper) {
        String digits;
        int exponent;
        if (magnitude == 0) {
            digits = "0";
            exponent = 0;
        } else {
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = rounded.precision() - rounded.scale() - 1;
        }
        StringBuilder mantissa = new StringBuilder(digits);
        while (mantissa.length() < p + 1) {
            mantissa.append('0');
        }
        String text = mantissa.charAt(0) + (p > 0 ? "." + mantissa.substring(1, p + 1) : "")
                + (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return upper ? text.toUpperCase(Locale.ROOT) : text;
    }

    /** C's %g: %e if the exponent is below -4 or not below the precision, else %f; trailing zeros dropped unless '#'. */
    private String general(double magnitude, int p, boolean upper) {
        String probe = exponential(magnitude, p - 1, false);
        int exponent = Integer.parseInt(probe.substring(probe.indexOf('e') + 1));
        String text = exponent < -4 || exponent >= p ? probe : fixed(magnitude, p - 1 - exponent);
        if (flags.indexOf('#') >= 0) {
            // '#' keeps the decimal point even when no decimals follow ("100000.").
            text = text.contains(".") ? text : text.replaceFirst("^([0-9]+)", "$1.");
        } else {
            int e = text.indexOf('e');
            String mantissa = e < 0 ? text : text.substring(0, e);
            String tail = e < 0 ? "" : text.substring(e);
            if (mantissa.contains(".")) {
                mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            text = mantissa + tail;
        }
        return upper ? text.toUpperCase(Locale.ROOT) : text;
    }

    private String signPrefix(boolean signed) {
        if (!signed) {
            return "";
        }
        if (flags.indexOf('+') >= 0) {
            return "+";
        }
        return flags.indexOf(' ') >= 0 ? " " : "";
    }

    private String pad(String prefix, String body, boolean zeros) {
        int missing = width - prefix.length() - body.length();
        if (missing <= 0) {
            return prefix + body;
        }
        if (leftAlign()) {
            return prefix + body + " ".repeat(missing);
        }
        return zeros ? prefix + "0".repeat(missing) + body : " ".repeat(missing) + prefix + body;
    }
}
