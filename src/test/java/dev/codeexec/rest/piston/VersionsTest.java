package dev.codeexec.rest.piston;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Version normalisation and node-semver's range rules, as Piston applies them to `version`. */
class VersionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3.11.2          | 3.11.2",
            "1:3.1           | 3.1.0",
            "25              | 25.0.0",
            "8.2.7-1+deb12u1 | 8.2.7",
            "4.8.4           | 4.8.4",
            "go1.21.5        | 1.21.5",
            "v18.19.0        | 18.19.0",
            "2:1.02.3        | 1.2.3",
            "17.0.9+9        | 17.0.9",
            "1.2.3.4         | 1.2.3",
            "unknown         | 0.0.0"})
    void versionsBecomePlainXyz(String raw, String normalised) {
        assertEquals(normalised, PistonVersion.normalise(raw).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "3.11.2            ; 3.11.2 ; true",
            "3.11.2            ; 3.11.3 ; false",
            "=3.11.2           ; 3.11.2 ; true",
            "v3.11.2           ; 3.11.2 ; true",
            "3.11              ; 3.11.9 ; true",
            "3.11              ; 3.12.0 ; false",
            "3                 ; 3.0.0  ; true",
            "3                 ; 4.0.0  ; false",
            "3.x               ; 3.99.1 ; true",
            "3.11.x            ; 3.11.0 ; true",
            "3.X.X             ; 3.1.1  ; true",
            "*                 ; 0.0.1  ; true",
            "x                 ; 25.0.0 ; true",
            "''                ; 1.0.0  ; true",
            ">=3.10 <4         ; 3.11.2 ; true",
            ">=3.10 <4         ; 4.0.0  ; false",
            ">= 3.10           ; 3.10.0 ; true",
            ">3.11             ; 3.11.9 ; false",
            ">3.11             ; 3.12.0 ; true",
            ">3.11.2           ; 3.11.3 ; true",
            "<=3.11            ; 3.11.9 ; true",
            "<=3.11            ; 3.12.0 ; false",
            "<3                ; 2.9.9  ; true",
            "<3                ; 3.0.0  ; false",
            "~3.11.1           ; 3.11.5 ; true",
            "~3.11.1           ; 3.12.0 ; false",
            "~3                ; 3.9.0  ; true",
            "^3.1              ; 3.11.2 ; true",
            "^3.1              ; 4.0.0  ; false",
            "^0.2.3            ; 0.2.9  ; true",
            "^0.2.3            ; 0.3.0  ; false",
            "^0.0.3            ; 0.0.4  ; false",
            "3.9 - 3.11        ; 3.11.7 ; true",
            "3.9 - 3.11        ; 3.12.0 ; false",
            "3.9.1 - 3.11.2    ; 3.9.0  ; false",
            "2 || 3            ; 3.1.0  ; true",
            "2 || >=4          ; 3.1.0  ; false",
            ">*                ; 1.0.0  ; false",
            "1.2.3+build       ; 1.2.3  ; true"})
    void rangesMatchAsNodeSemverDoes(String range, String version, boolean matches) {
        VersionRange parsed = VersionRange.parse(range).orElseThrow(() -> new AssertionError("not parsed: " + range));
        assertEquals(matches, parsed.matches(PistonVersion.normalise(version)), range + " vs " + version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"banana", "3.11.2-rc1", ">=", "3..1", "3 - ", "~>x.1.2.3.4"})
    void notRanges(String text) {
        assertTrue(VersionRange.parse(text).isEmpty(), text);
    }
}
