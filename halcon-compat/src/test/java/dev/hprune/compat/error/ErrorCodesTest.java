package dev.hprune.compat.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

    @ParameterizedTest
    @CsvSource({"1, 1201, 1301, 1401", "2, 1202, 1302, 1402", "20, 1220, 1320, 1420"})
    void controlParameterErrorsAreNumberedByPosition(int position, int type, int value, int count) {
        assertThat(ErrorCodes.wrongType(position)).isEqualTo(type);
        assertThat(ErrorCodes.wrongValue(position)).isEqualTo(value);
        assertThat(ErrorCodes.wrongCount(position)).isEqualTo(count);
    }

    @Test
    void positionsOutsideHalconsRangeAreProgrammingErrors() {
        assertThatThrownBy(() -> ErrorCodes.wrongType(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorCodes.wrongValue(21)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1203|Wrong type of control parameter 3",
        "1317|Wrong value of control parameter 17",
        "1402|Wrong number of values of control parameter 2",
        "1502|Wrong number of values of object parameter 2",
        "2454|Handle was cleared",
        "2894|Dict does not contain requested key",
        "7980|Pruning data does not fit the given model",
        "7981|Model architecture does not support pruning"})
    void standardTextsMatchHalconsTable(int code, String text) {
        assertThat(ErrorCodes.text(code)).isEqualTo(text);
    }

    @Test
    void messageNamesNumberOperatorAndDetail() {
        HalconError error = HalconError.of(1302, "got 'x'").inOperator("set_dl_pruning_param");
        assertThat(error.getMessage()).isEqualTo(
                "HALCON error #1302: Wrong value of control parameter 2 in operator set_dl_pruning_param (got 'x')");
        assertThat(error.inOperator("other").operator()).isEqualTo("set_dl_pruning_param");
    }
}
