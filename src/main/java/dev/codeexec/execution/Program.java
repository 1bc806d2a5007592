package dev.codeexec.execution;

import dev.codeexec.config.LimitsConfig;
import dev.codeexec.language.Language;
import dev.codeexec.sandbox.SandboxFile;
import dev.codeexec.sandbox.SandboxPaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A request's program as files for the sandbox: checked, decoded, the entry point first. */
record Program(String entry, List<SandboxFile> files) {

    static final int MAX_NAME_BYTES = 255;

    static Program of(Execution request, Language language, LimitsConfig caps) {
        boolean hasCode = request.code() != null;
        boolean hasFiles = request.files() != null;
        if (hasCode == hasFiles) {
            throw new InvalidExecutionException(hasCode ? "send either code or files, not both"
                    : "code is required and must be a non-empty string (or send files)");
        }
        long cap = caps.code().asLongValue();
        if (hasCode) {
            byte[] code = request.code().getBytes(StandardCharsets.UTF_8);
            if (code.length == 0) {
                throw new InvalidExecutionException("code is required and must be a non-empty string");
            }
            if (code.length > cap) {
                throw new InvalidExecutionException("code is " + code.length + " bytes; the limit is " + cap + " bytes");
            }
            return new Program(language.entry(), List.of(new SandboxFile(language.entry(), code, false)));
        }
        List<SourceFile> sent = request.files();
        if (sent.isEmpty() || sent.size() > caps.maxFiles()) {
            throw new InvalidExecutionException("files must hold between 1 and " + caps.maxFiles() + " files");
        }
        List<SandboxFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int i = 0; i < sent.size(); i++) {
            SourceFile f = sent.get(i);
            String field = "files[" + i + "]";
            if (f == null) {
                throw new InvalidExecutionException(field + " must be an object with name and content");
            }
            String name = name(f.name(), field + ".name");
            if (!names.add(name)) {
                throw new InvalidExecutionException(field + ".name '" + name + "' appears twice");
            }
            byte[] content = content(f, field);
            total += content.length;
            if (total > cap) {
                throw new InvalidExecutionException("files are more than " + cap + " bytes together");
            }
            files.add(new SandboxFile(name, content, false));
        }
        return new Program(files.get(0).path(), List.copyOf(files));
    }

    private static String name(String name, String field) {
        if (name == null || name.isEmpty()) {
            throw new InvalidExecutionException(field + " is required");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES || name.contains("/")
                || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidExecutionException(field + " must be a plain file name (no '/', no '..', no control "
                    + "characters, at most " + MAX_NAME_BYTES + " bytes)");
        }
        String problem = SandboxPaths.problem(name); // the launcher's own rule, checked before it is asked
        if (problem != null) {
            throw new InvalidExecutionException(field + " '" + name + "' cannot be a file name: " + problem);
        }
        return name;
    }

    private static byte[] content(SourceFile f, String field) {
        if (f.content() == null) {
            throw new InvalidExecutionException(field + ".content is required");
        }
        String encoding = f.encoding() == null ? "utf8" : f.encoding().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "utf8", "utf-8" -> {
                return f.content().getBytes(StandardCharsets.UTF_8);
            }
            case "base64" -> {
                try {
                    return Base64.getDecoder().decode(f.content().replaceAll("[\\r\\n]", ""));
                } catch (IllegalArgumentException e) {
                    throw new InvalidExecutionException(field + ".content is not valid base64");
                }
            }
            default -> throw new InvalidExecutionException(field + ".encoding must be utf8 or base64");
        }
    }
}
