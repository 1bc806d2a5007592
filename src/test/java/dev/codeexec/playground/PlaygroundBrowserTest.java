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

/** The playground at / in headless chromium, as a user drives it: keys, clicks, what the page shows. */
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
        choose("python");
        program("import sys\nname = input()\nprint(f'Hello, {name}!', sys.argv[1:])\n");
        browser.find("#stdin").sendKeys("Ada");
        browser.find("#args").sendKeys("x", Keys.ENTER, "y z");
        browser.find("#code").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
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
    void tabIndentsWithSpacesCtrlEnterRunsAndProgramsAreKeptPerLanguage() {
        choose("javascript");
        program("console.log('kept for javascript');");
        choose("python");
        program("if True:");
        WebElement code = browser.find("#code");
        code.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, Keys.TAB, "print('indented')");
        assertEquals("if True:\n    print('indented')", code.getDomProperty("value"));
        code.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertEquals("OK", awaitResult());
        assertEquals("indented\n", text("#stdout"));

        browser.driver().navigate().refresh();
        load();
        assertEquals("python", new Select(browser.find("#language")).getFirstSelectedOption().getDomProperty("value"));
        assertEquals("if True:\n    print('indented')", browser.find("#code").getDomProperty("value"));
        choose("javascript");
        assertEquals("console.log('kept for javascript');", browser.find("#code").getDomProperty("value"));
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
        browser.await(d -> browser.find("#language").isEnabled()
                && !browser.find("#language").findElements(org.openqa.selenium.By.cssSelector("option[value=python]")).isEmpty());
    }

    private void choose(String language) {
        new Select(browser.find("#language")).selectByValue(language);
    }

    /** Sets the editor's text as if typed (the page saves it on input). */
    private void program(String text) {
        browser.script("const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input'));",
                browser.find("#code"), text);
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
