package io.nernst.core.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text of an input file (a scenario, a parameter file, a deposition scenario) with the
 * checks a user-supplied path needs: it must be a regular file (not a directory, device or pipe:
 * {@code /dev/zero} would never end), at most {@link #MAX_BYTES} long, and valid UTF-8, and a
 * failure names the file and, for an encoding error, the line and byte; never the file's contents.
 */
public final class InputFiles {

    /** Largest input file accepted: 1 MiB, a hundred times the longest example scenario. */
    public static final long MAX_BYTES = 1L << 20;

    private InputFiles() {
    }

    /**
     * The file's text.
     *
     * @param what "scenario file" or "parameter file (from parameters.file)": the start of messages
     * @throws ScenarioException naming the file and the problem
     */
    public static String read(Path file, String what) {
        if (!Files.exists(file)) {
            throw new ScenarioException("cannot read " + what + " " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new ScenarioException("cannot read " + what + " " + file + ": it is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            // Files.isRegularFile follows links: a link to a regular file is fine
            throw new ScenarioException("cannot read " + what + " " + file + ": it is not a regular file (a device, pipe or socket)");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ScenarioException("cannot read " + what + " " + file + ": it is " + size + " bytes long; an input file may "
                        + "be at most " + MAX_BYTES + " bytes (1 MiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("cannot read " + what + " " + file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + what + " " + file + ": " + reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new ScenarioException("cannot read " + what + " " + file + ": it is longer than " + MAX_BYTES + " bytes (1 MiB)");
        }
        return decode(bytes, file + "", what);
    }

    /** The bytes as UTF-8; an invalid byte is named by line, column (in bytes) and value. */
    static String decode(byte[] bytes, String name, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new ScenarioException(String.format(Locale.ROOT,
                    "cannot read %s %s: line %d, byte %d: byte 0x%02X is not valid UTF-8; save the file as UTF-8",
                    what, name, line, at - lineStart + 1, bytes[at] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        // a byte-order mark is not part of the YAML
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replace(e.getClass().getName() + ": ", "");
    }
}
