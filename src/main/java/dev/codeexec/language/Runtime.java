package dev.codeexec.language;

import java.util.List;

/** A language whose image is provisioned: ready to run programs, with the libraries its image holds. */
public record Runtime(Language language, String image, String version, List<Library> libraries) {

    /** A library installed in the image (a Debian package) and its version. */
    public record Library(String name, String version) {
    }
}
