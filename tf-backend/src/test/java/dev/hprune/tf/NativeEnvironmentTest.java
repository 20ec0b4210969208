package dev.hprune.tf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the backend says and does about TensorFlow's environment variables. The native setenv is checked in a child JVM
 * started without the variables (Surefire exports them for this one), reading the process environment back with libc's
 * getenv, which is what TensorFlow reads, and by counting the threads TensorFlow starts for a session.
 */
class NativeEnvironmentTest {

    @ParameterizedTest
    @CsvSource(nullValues = "unset", value = {
        "unset, true, true", "unset, false, false", "1, false, true", "true, false, true", "0, true, false",
        "false, true, false", "yes, true, true", "yes, false, false"})
    void theVariableDecidesAndUnsetTheCpuDoes(String value, boolean cpuDefault, boolean on) {
        assertThat(NativeEnvironment.oneDnnEnabled(value, cpuDefault)).isEqualTo(on);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // this build machine's AMD EPYC: AVX2, no AVX-512 at all
        "Linux | amd64 | flags\t\t: fpu sse2 avx avx2 fma bmi2 | false",
        "Linux | amd64 | flags\t\t: fpu avx2 avx512f avx512_vnni | true",
        "Linux | amd64 | flags\t\t: fpu avx2 avx512f avx512_bf16 | true",
        "Linux | x86_64 | flags\t\t: fpu avx2 avx_vnni | true",
        "Linux | amd64 | flags\t\t: fpu avx2 amx_tile amx_int8 | true",
        "Linux | amd64 | flags\t\t: fpu avx512f avx512vl | false",
        "Linux | aarch64 | CPU part\t: 0xd40 | true",
        "Linux | aarch64 | CPU part\t: 0xd0c | false",
        "Windows 11 | amd64 | - | true",
        "Mac OS X | aarch64 | - | false"})
    void tensorFlowsDefaultFollowsTheCpuFeatures(String os, String arch, String cpuinfo, boolean on) {
        assertThat(NativeEnvironment.cpuEnablesOneDnn(os, arch, "processor\t: 0\n" + cpuinfo + "\nbogomips\t: 1\n"))
                .isEqualTo(on);
    }

    interface Getenv extends Library {
        String getenv(String name);
    }

    /** Child: prepares the environment, then prints what libc's getenv and the backend report. */
    public static void main(String[] args) throws IOException {
        NativeEnvironment.prepare();
        System.out.println("pool=" + java.util.Arrays.toString(ThreadPlanTest.threadsOfASecondSessionAskingForThree()));
        Getenv c = Native.load("c", Getenv.class);
        System.out.println("native=" + c.getenv(NativeEnvironment.SESSION_POOLS_VARIABLE));
        System.out.println("nativeOneDnn=" + c.getenv(NativeEnvironment.ONEDNN_VARIABLE));
        System.out.println("pools=" + NativeEnvironment.sessionThreadPools());
        System.out.println("onednn=" + NativeEnvironment.oneDnnEnabled());
    }

    private static String child(Map<String, String> extra) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                NativeEnvironmentTest.class.getName());
        builder.environment().remove(NativeEnvironment.SESSION_POOLS_VARIABLE);
        builder.environment().remove(NativeEnvironment.ONEDNN_VARIABLE);
        builder.environment().putAll(extra);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void anUnsetThreadPoolVariableIsSetNativelyAndLogged() throws Exception {
        String out = child(Map.of());
        // TensorFlow acts on it: the second session starts a pool of the 3 threads it asks for
        assertThat(out).contains("native=1", "pools=true", "onednn=true", "pool=[3, 0]",
                "set TF_OVERRIDE_GLOBAL_THREADPOOL=1 in this process (it was unset)",
                "set TF_ENABLE_ONEDNN_OPTS=1 in this process (it was unset)", "nativeOneDnn=1");
        // TensorFlow's own word for it, whatever this CPU's default is
        assertThat(out).contains("oneDNN custom operations are on");
        assertThat(out).doesNotContain("oneDNN is off");
    }

    @Test
    void aUsersValueIsKeptAndReported() throws Exception {
        String out = child(Map.of(NativeEnvironment.SESSION_POOLS_VARIABLE, "0", NativeEnvironment.ONEDNN_VARIABLE,
                "0"));
        assertThat(out).contains("native=0", "pools=false", "onednn=false", "pool=[0, 0]", "oneDNN is off (TF_ENABLE_ONEDNN_OPTS=0");
        assertThat(out).doesNotContain("in this process (it was unset)", "oneDNN custom operations are on");
    }
}
