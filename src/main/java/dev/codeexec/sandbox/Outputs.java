package dev.codeexec.sandbox;

import java.util.List;

/** The files a run wrote that a request asked for; {@code cut}: some matched but were left out (a cap, unreadable). */
public record Outputs(List<SandboxFile> files, boolean cut) {
}
