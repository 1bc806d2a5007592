package dev.codeexec.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.Browser;
import dev.codeexec.support.NoLeftoverContainers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The playground at / in headless chromium, as a user drives it: keys, clicks, what the page shows;
 * interactive runs over the WebSocket (a prompt answered from the page, Stop), batch runs over POST.
 */
@QuarkusTest
@ExtendWith(NoLeftoverContainers.class)
class PlaygroundBrowserTest {

    @TestHTTPResource("/")
    URL page;

    private static Browser browser;

    @BeforeEach
    void open() throws Exception {
        Api.awaitReady();
        if (browser == null) {
            browser = Browser.start();
        }
        browser.viewport(1280, 900);
        load();
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void runsPythonJavaScriptAndCAndShowsWhatTheyDid() throws Exception {
        browser.find("#interactive").click(); // batch runs: the whole stdin up front, one answer
        choose("python");
        program("import sys\nname = input()\nprint(f'Hello, {name}!', sys.argv[1:])\n");
        browser.find("#stdin").sendKeys("Ada");
        browser.find("#args").sendKeys("x", Keys.ENTER, "y z");
        editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertEquals("OK", awaitResult());
        assertEquals("Hello, Ada! ['x', 'y z']\n", text("#stdout"));
        assertEquals("0", text("#exit-code"));

        choose("javascript");
        program("console.log('out');\nconsole.error('err');\nprocess.exit(3);\n");
        browser.find("#stdin").clear();
        browser.find("#args").clear();
        browser.find("#run").click();
        assertEquals("RUNTIME_ERROR", awaitResult());
        assertEquals("Runtime error", text("#status"));
        assertEquals("3", text("#exit-code"));
        assertEquals("out\n", text("#stdout"));
        assertEquals("err\n", text("#stderr"));
        assertFalse(browser.find("#compile").isDisplayed());

        choose("c"); // nothing stored for C yet: the page offers its hello world
        assertTrue(browser.find("#code").getDomProperty("value").contains("printf(\"Hello, World!\\n\");"));
        browser.find("#run").click();
        assertEquals("OK", awaitResult());
        assertEquals("Hello, World!\n", text("#stdout"));
        assertEquals("", text("#stderr"));
        assertTrue(browser.find("#compile").isDisplayed(), "the compile step is shown");
        assertTrue(text("#compile-status").startsWith("OK · exit 0 · "), text("#compile-status"));
        assertTrue(text("#time").matches("\\d+ ms wall · \\d+ ms CPU · [0-9.]+ [KM]iB"), text("#time"));
        assertTrue(Files.size(browser.screenshot("playground-c-hello")) > 10_000);

        program("int main(void) { return missing; }\n");
        browser.find("#run").click();
        assertEquals("COMPILE_ERROR", awaitResult());
        assertEquals("–", text("#exit-code"));
        assertTrue(text("#compile-output").contains("missing"), text("#compile-output"));
        assertTrue(text("#compile-status").startsWith("Compile error · exit 1"), text("#compile-status"));
    }

    @Test
    void theEditorIndentsRunsOnCtrlEnterAndProgramsAreKeptPerLanguageAndInTheLink() {
        choose("javascript");
        program("console.log('kept for javascript');");
        choose("python");
        program("if True:");
        browser.script("arguments[0].focus()", editor()); // the caret stays where the program left it: at its end
        keys(Keys.ENTER);
        awaitProgram("if True:\n    "); // Enter after a colon indents by four spaces
        program("x = 1\n");
        browser.script("arguments[0].focus()", editor());
        keys(Keys.TAB);
        awaitProgram("x = 1\n    "); // Tab indents with spaces
        program("if True:\n    print('indented')");
        editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertEquals("OK", awaitResult(), text("#error"));
        assertEquals("indented\n", text("#stdout"));
        assertTrue(browser.find("#code .cm-content").getDomAttribute("aria-label").equals("Program"));
        assertFalse(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#code .cm-line span")).isEmpty(),
                "the program is highlighted");
        assertEquals("flex", browser.script("return getComputedStyle(document.querySelector('#code .cm-editor')).display"),
                "CodeMirror's own styles apply (the page's policy lets them in)");

        String link = browser.driver().getCurrentUrl();
        assertTrue(link.contains("#language=python&code="), link);
        browser.script("localStorage.clear()");
        browser.driver().navigate().to("about:blank");
        browser.open(link);
        awaitLanguages();
        assertEquals("python", new Select(browser.find("#language")).getFirstSelectedOption().getDomProperty("value"));
        assertEquals("if True:\n    print('indented')", browser.find("#code").getDomProperty("value"), "the link holds the program");

        browser.open(page.toString());
        awaitLanguages();
        choose("javascript");
        program("console.log('kept for javascript');");
        browser.await(d -> String.valueOf(browser.script("return localStorage.getItem('code-exec.program.javascript')"))
                .equals("console.log('kept for javascript');") ? true : null);
        browser.open(page.toString()); // no link: Python, and each language's last program from this browser
        awaitLanguages();
        assertEquals("python", new Select(browser.find("#language")).getFirstSelectedOption().getDomProperty("value"));
        choose("javascript");
        assertEquals("console.log('kept for javascript');", browser.find("#code").getDomProperty("value"), "kept per language");
    }

    @Test
    void opensOnPythonAndAnInputPromptIsAnsweredFromThePage() {
        browser.script("localStorage.clear()");
        browser.open(page.toString());
        awaitLanguages();
        assertEquals("python", new Select(browser.find("#language")).getFirstSelectedOption().getDomProperty("value"));
        assertTrue(browser.find("#code").getDomProperty("value").contains("input("), "Python's hello asks for a name");
        program("name = input('name? ')\nprint('hello', name)\n");
        browser.find("#run").click();
        browser.await(d -> text("#stdout").equals("name? "));
        WebElement input = browser.find("#input");
        assertEquals("Program input", input.getDomAttribute("aria-label"));
        assertEquals(input, browser.driver().switchTo().activeElement(), "the input field has the focus once a run starts");
        input.sendKeys("Ada", Keys.ENTER);
        assertEquals("OK", awaitResult());
        assertEquals("name? Ada\nhello Ada\n", text("#stdout"), "the prompt, the typed line, the answer");
        assertFalse(browser.find("#stop").isDisplayed(), "Stop goes when the run ends");
    }

    @Test
    void stopEndsARunawayProgramAndOutputIsShownAsText() {
        choose("python");
        program("print('<b>bold</b><img src=x onerror=alert(1)>', flush=True)\nwhile True: pass\n");
        browser.find("#run").click();
        browser.await(d -> text("#stdout").startsWith("<b>"));
        assertEquals("<b>bold</b><img src=x onerror=alert(1)>\n", text("#stdout"));
        assertTrue(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#stdout b, #stdout img")).isEmpty(),
                "output is text, never markup");
        browser.find("#stop").click();
        assertEquals("RUNTIME_ERROR", awaitResult());
        assertEquals("137 (SIGKILL)", text("#exit-code"));
    }

    @Test
    void endOfInputAndTheBatchModeStayAvailable() {
        choose("python");
        program("import sys\nprint(len(sys.stdin.read().split()))\n");
        browser.find("#run").click();
        browser.await(d -> browser.find("#input").isDisplayed());
        browser.find("#input").sendKeys("one two", Keys.ENTER);
        browser.find("#input").sendKeys("three", Keys.ENTER);
        browser.find("#eof").click();
        assertEquals("OK", awaitResult());
        assertTrue(text("#stdout").endsWith("3\n"), text("#stdout"));

        browser.find("#interactive").click(); // batch: the whole input up front, one answer
        browser.find("#stdin").clear();
        browser.find("#stdin").sendKeys("a b c d");
        browser.find("#run").click();
        assertEquals("OK", awaitResult());
        assertEquals("4\n", text("#stdout"));
        assertFalse(browser.find("#input").isDisplayed());
        browser.find("#interactive").click();
        browser.find("#stdin").clear();
    }

    @Test
    void fitsAPhoneScreen() throws Exception {
        browser.viewport(390, 844);
        load();
        long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow <= 0, "the page scrolls sideways by " + overflow + " px");
        WebElement run = browser.find("#run");
        assertTrue(run.isDisplayed() && run.getRect().getX() + run.getRect().getWidth() <= 390, run.getRect().toString());
        choose("python");
        program("print('small screen')");
        run.click();
        assertEquals("OK", awaitResult());
        assertEquals("small screen\n", text("#stdout"));
        Boolean inView = (Boolean) browser.script("const r = document.getElementById('stdout').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;");
        assertTrue(inView, "the output is scrolled into view");
        browser.screenshot("playground-phone");
    }

    private void load() {
        browser.open(page.toString());
        awaitLanguages();
    }

    private void awaitLanguages() {
        browser.await(d -> browser.find("#language").isEnabled()
                && !browser.find("#language").findElements(org.openqa.selenium.By.cssSelector("option[value=python]")).isEmpty());
    }

    /** Keys to whatever has the focus, as a person types (sendKeys on an element would move the caret). */
    private void keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(keys).perform();
    }

    private void awaitProgram(String text) {
        try {
            browser.await(d -> text.equals(browser.find("#code").getDomProperty("value")) ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(text, browser.find("#code").getDomProperty("value"));
        }
    }

    /** The editor's text area (CodeMirror's content element), for keys. */
    private WebElement editor() {
        return browser.find("#code .cm-content");
    }

    private void choose(String language) {
        new Select(browser.find("#language")).selectByValue(language);
    }

    /** Sets the editor's text (the page saves it, and the link, as after typing). */
    private void program(String text) {
        browser.script("arguments[0].value = arguments[1];", browser.find("#code"), text);
    }

    /** Waits for the run the page started and returns its status. */
    private String awaitResult() {
        return browser.await(d -> {
            String status = browser.find("#status").getDomAttribute("data-status");
            return status == null || status.equals("RUNNING") ? null : status;
        });
    }

    private String text(String selector) {
        return browser.find(selector).getDomProperty("textContent");
    }
}
