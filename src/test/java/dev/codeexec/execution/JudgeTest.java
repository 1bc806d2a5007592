package dev.codeexec.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.execution.Judge.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {

    @Test
    void exactIsByteForByte() {
        assertTrue(Judge.matches(Mode.EXACT, "1 2\n", "1 2\n", 0));
        assertFalse(Judge.matches(Mode.EXACT, "1 2\n", "1 2", 0));
        assertFalse(Judge.matches(Mode.EXACT, "1 2\n", "1 2 \n", 0));
    }

    @Test
    void linesIgnoreTrailingSpaceTrailingBlankLinesAndCrLf() {
        assertTrue(Judge.matches(Mode.LINES, "a\nb\n", "a  \r\nb\n\n\n", 0));
        assertTrue(Judge.matches(Mode.LINES, "a\nb", "a\nb\n", 0));
        assertFalse(Judge.matches(Mode.LINES, "a\nb\n", " a\nb\n", 0), "leading space counts");
        assertFalse(Judge.matches(Mode.LINES, "a\nb\n", "a\n\nb\n", 0), "inner blank lines count");
        assertFalse(Judge.matches(Mode.LINES, "a b\n", "a  b\n", 0), "inner spacing counts");
        assertTrue(Judge.matches(Mode.LINES, "", "\n\n", 0));
    }

    @Test
    void tokensIgnoreAllSpacing() {
        assertTrue(Judge.matches(Mode.TOKENS, "1 2 3\n", "1\n2\t 3", 0));
        assertFalse(Judge.matches(Mode.TOKENS, "1 2 3", "1 2", 0));
        assertFalse(Judge.matches(Mode.TOKENS, "1 2 3", "1 23", 0));
    }

    @Test
    void floatsMatchWithinTheToleranceAbsoluteOrRelative() {
        assertTrue(Judge.matches(Mode.FLOAT, "3.14159", "3.1415926", 1e-4));
        assertFalse(Judge.matches(Mode.FLOAT, "3.14159", "3.15", 1e-4));
        assertTrue(Judge.matches(Mode.FLOAT, "1000000", "1000000.5", 1e-6), "relative: 5e-7");
        assertTrue(Judge.matches(Mode.FLOAT, "answer 0.5", "answer 5e-1", 1e-9));
        assertFalse(Judge.matches(Mode.FLOAT, "answer 0.5", "Answer 0.5", 1e-9), "words must be equal");
        assertFalse(Judge.matches(Mode.FLOAT, "1 2", "1", 1), "token counts must match");
        assertFalse(Judge.matches(Mode.FLOAT, "1", "nan", 1));
    }

    @Test
    void modesAreNamedCaseInsensitivelyAndUnknownOnesRefused() {
        assertEquals(Mode.LINES, Judge.mode(null));
        assertEquals(Mode.FLOAT, Judge.mode("Float"));
        assertThrows(InvalidExecutionException.class, () -> Judge.mode("regex"));
    }

    @Test
    void verdictsComeFromTheStatusFirstThenTheOutput() {
        StepOutcome ok = new StepOutcome(RunStatus.OK, 0, null, "42\n", "", "42\n", "42\n", false, 1, 1, 1, false);
        StepOutcome crashed = new StepOutcome(RunStatus.RUNTIME_ERROR, 1, null, "42\n", "", "", "", false, 1, 1, 1, false);
        assertEquals(Verdict.ACCEPTED, Judge.verdict(ok, "42", Mode.LINES, 0));
        assertEquals(Verdict.WRONG_ANSWER, Judge.verdict(ok, "43", Mode.LINES, 0));
        assertEquals(Verdict.ACCEPTED, Judge.verdict(ok, null, Mode.LINES, 0), "nothing expected: how it ended");
        assertEquals(Verdict.RUNTIME_ERROR, Judge.verdict(crashed, "42", Mode.LINES, 0));
    }

    @Test
    void theSummaryNamesTheFirstFailure() {
        List<CaseOutcome> cases = List.of(new CaseOutcome("a", Verdict.ACCEPTED, null),
                new CaseOutcome("b", Verdict.TIMEOUT, null), new CaseOutcome("c", Verdict.WRONG_ANSWER, null),
                new CaseOutcome("d", Verdict.SKIPPED, null));
        assertEquals(new Summary(1, 2, 1, 4, Verdict.TIMEOUT), Summary.of(cases));
        assertEquals(Verdict.ACCEPTED, Summary.of(List.of(new CaseOutcome("a", Verdict.ACCEPTED, null))).verdict());
    }
}
