package dev.codeexec.docs;

import dev.codeexec.config.CodeExecConfig;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting as the service starts without a profile: the keys of {@link CodeExecConfig} (kebab
 * case, map keys as {@code <*>}) with their {@code @WithDefault}, then the non-profile lines of
 * application.properties on top. A setting without a default (Optional, or computed at startup)
 * has a null value.
 */
final class ConfigDefaults {

    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Pattern FALLBACK = Pattern.compile("\\$\\{([^:}]+):([^}]*)}");

    /** One key: its Java type (null for a key only application.properties sets), value and where it comes from. */
    record Setting(String key, Class<?> type, String value, String origin) {
    }

    private final Map<String, Setting> settings = new TreeMap<>();
    private final List<String> conflicts = new ArrayList<>();

    static ConfigDefaults read() throws IOException {
        ConfigDefaults defaults = new ConfigDefaults();
        defaults.walk(CodeExecConfig.class, "code-exec");
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PROPERTIES)) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                defaults.override(key, properties.getProperty(key));
            }
        }
        return defaults;
    }

    Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key.replaceAll("<[^>]*>", "<*>")));
    }

    List<Setting> all() {
        return List.copyOf(settings.values());
    }

    /** application.properties' {@code ${key:fallback}} expressions whose fallback is not the key's default. */
    List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    private void override(String key, String value) {
        Setting known = settings.get(key);
        settings.put(key, new Setting(key, known == null ? null : known.type(), value, "application.properties"));
        Matcher fallback = FALLBACK.matcher(value);
        while (fallback.find()) {
            Setting target = settings.get(fallback.group(1));
            if (target != null && target.value() != null
                    && !Quantity.sameSetting(target.type(), target.value(), fallback.group(2))) {
                conflicts.add(key + " falls back to '" + fallback.group(2) + "' where " + target.key() + " defaults to '"
                        + target.value() + "'");
            }
        }
    }

    private void walk(Class<?> group, String prefix) {
        for (Method m : group.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault() || m.getParameterCount() > 0) {
                continue;
            }
            String key = m.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + kebab(m.getName());
            Type type = m.getGenericReturnType();
            Class<?> raw = raw(type);
            if (isGroup(raw)) {
                walk(raw, key);
            } else if (raw == Map.class) {
                Class<?> valueType = raw(((ParameterizedType) type).getActualTypeArguments()[1]);
                if (isGroup(valueType)) {
                    walk(valueType, key + ".<*>");
                } else {
                    settings.put(key + ".<*>", new Setting(key + ".<*>", valueType, null, "CodeExecConfig"));
                }
            } else {
                Class<?> leaf = raw == Optional.class ? raw(((ParameterizedType) type).getActualTypeArguments()[0]) : raw;
                WithDefault value = m.getAnnotation(WithDefault.class);
                settings.put(key, new Setting(key, leaf, value == null ? null : value.value(), "CodeExecConfig"));
            }
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getPackageName().equals(CodeExecConfig.class.getPackageName());
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
