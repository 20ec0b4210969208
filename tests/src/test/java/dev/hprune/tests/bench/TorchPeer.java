package dev.hprune.tests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch side of the comparison: {@code bench/torch_peer.py serve} in a python process started here, which times
 * its own loop for each request and answers one JSON line. Its stderr (PyTorch warnings) goes to a log file.
 */
final class TorchPeer implements AutoCloseable {
    private final Process process;
    private final Writer requests;
    private final BufferedReader answers;

    private TorchPeer(Process process) {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static TorchPeer start(String python, Path script, Path models, Path log) throws IOException {
        Process p = new ProcessBuilder(python, script.toString(), "serve", models.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new TorchPeer(p);
    }

    /** The peer's answer to one request, as JSON text. */
    synchronized String ask(String json) throws IOException {
        requests.write(json + "\n");
        requests.flush();
        String line = answers.readLine();
        if (line == null) {
            throw new IOException("the PyTorch peer ended (see its log)");
        }
        return line;
    }

    /** Images per second of one piece of work ('score', 'train', 'apply'), or empty when the peer failed. */
    OptionalDouble rate(String model, String work, int batch, int threads, double seconds) throws IOException {
        String answer = ask(String.format(Locale.ROOT,
                "{\"model\": \"%s\", \"work\": \"%s\", \"batch\": %d, \"threads\": %d, \"seconds\": %.2f}", model, work,
                batch, threads, seconds));
        return number(answer, "images_per_s");
    }

    static OptionalDouble number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE+]+)").matcher(json);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    @Override
    public void close() {
        try {
            requests.close();
            process.waitFor();
        } catch (IOException | InterruptedException e) {
            process.destroy();
        }
    }
}
