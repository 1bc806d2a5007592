package dev.codeexec.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a stated figure must come from, named as {@code "<source> [unit]"} (the unit for a bare
 * number):
 * <ul>
 * <li>{@code code-exec.limits.memory}, {@code quarkus.http.port}: a setting's default ({@link ConfigDefaults});
 * <li>{@code launcher:STACK bytes}: a {@code #define} of the launcher's C sources;
 * <li>{@code java:dev.codeexec.sandbox.SandboxPaths.MAX_BYTES bytes}: a static final field;
 * <li>{@code uid:builder}: a user's id as the base image's Dockerfile makes it;
 * <li>{@code unchecked:<why>}: a figure the docs may state that nothing names in code.
 * </ul>
 */
final class Facts {

    static final Path LAUNCHER = Path.of("src/main/runtimes/base/launcher");
    static final Path BASE_DOCKERFILE = Path.of("src/main/runtimes/base/Dockerfile");
    private static final Pattern DEFINE = Pattern.compile(
            "(?m)^#define\\s+(\\w+)\\s+(\\(?\\s*(\\d+)L?\\s*(?:<<\\s*(\\d+))?\\s*\\)?)\\s*$");

    /** A figure where it comes from: its description for messages ("code-exec.limits.memory is '128M'") and value. */
    record Fact(String description, Quantity value) {
    }

    private final ConfigDefaults config;

    Facts(ConfigDefaults config) {
        this.config = config;
    }

    /** Null for an unchecked figure. */
    Fact resolve(String source) {
        String[] parts = source.split(" ", 2);
        String name = parts[0];
        String unit = parts.length > 1 && !name.startsWith("unchecked:") ? parts[1] : "";
        if (name.startsWith("unchecked:")) {
            return null;
        }
        if (name.startsWith("launcher:")) {
            return launcherDefine(name.substring("launcher:".length()), unit);
        }
        if (name.startsWith("java:")) {
            return javaConstant(name.substring("java:".length()), unit);
        }
        if (name.startsWith("uid:")) {
            return baseImageUser(name.substring("uid:".length()));
        }
        ConfigDefaults.Setting setting = config.get(name)
                .orElseThrow(() -> new AssertionError("no setting '" + name + "' in CodeExecConfig or application.properties"));
        if (setting.value() == null) {
            throw new AssertionError(name + " has no default to compare with");
        }
        return new Fact(name + " is '" + setting.value() + "'", Quantity.setting(setting.type(), setting.value(), unit));
    }

    private static Fact launcherDefine(String name, String unit) {
        try (Stream<Path> files = Files.list(LAUNCHER)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.[ch]")).sorted().toList()) {
                Matcher m = DEFINE.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).equals(name)) {
                        long value = Long.parseLong(m.group(3)) << (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
                        return new Fact("the launcher's " + name + " (" + file.getFileName() + ") is '" + m.group(2) + "'",
                                Quantity.of(BigDecimal.valueOf(value), unit));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no numeric #define " + name + " in " + LAUNCHER);
    }

    private static Fact javaConstant(String name, String unit) {
        int dot = name.lastIndexOf('.');
        try {
            Class<?> type = Class.forName(name.substring(0, dot));
            Field field = type.getDeclaredField(name.substring(dot + 1));
            field.setAccessible(true);
            Object value = field.get(null);
            return new Fact(type.getSimpleName() + "." + field.getName() + " is '" + value + "'",
                    Quantity.of(new BigDecimal(value.toString()), unit));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no constant " + name, e);
        }
    }

    private static Fact baseImageUser(String user) {
        try {
            Matcher m = Pattern.compile("useradd --uid (\\d+)\\b[^\\n]*\\s" + Pattern.quote(user) + "\\s*\\\\?\\s*$",
                    Pattern.MULTILINE).matcher(Files.readString(BASE_DOCKERFILE));
            if (!m.find()) {
                throw new AssertionError("no useradd of " + user + " in " + BASE_DOCKERFILE);
            }
            return new Fact("the base image's user " + user + " has uid '" + m.group(1) + "'",
                    Quantity.of(new BigDecimal(m.group(1)), ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
