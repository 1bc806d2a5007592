package dev.codeexec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeexec.support.Api;
import dev.codeexec.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** With API keys on, the playground asks for one, asks again when it is wrong, and then works. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithKeys.class)
class PlaygroundApiKeyBrowserTest {

    @TestHTTPResource("/")
    URL page;

    @Test
    void thePageAsksForAKeyAndUsesIt() throws Exception {
        Api.awaitReady();
        try (Browser browser = Browser.start()) {
            browser.open(page.toString()); // the page itself needs no key
            WebElement dialog = browser.find("#key-dialog");
            browser.await(d -> dialog.isDisplayed());
            browser.find("#key-input").sendKeys("not-a-key", Keys.ENTER);
            browser.await(d -> dialog.isDisplayed() && browser.find("#key-input").getDomProperty("value").isEmpty());
            browser.find("#key-input").sendKeys("first-key-123", Keys.ENTER);
            browser.await(d -> browser.find("#language").isEnabled());
            assertTrue(browser.find("#key").isDisplayed(), "a button to change the key");

            new org.openqa.selenium.support.ui.Select(browser.find("#language")).selectByValue("python");
            browser.script("const e = document.getElementById('code'); e.value = arguments[0]; "
                    + "e.dispatchEvent(new Event('input'));", "print('with a key')");
            browser.find("#run").click();
            String status = browser.await(d -> {
                String s = browser.find("#status").getDomAttribute("data-status");
                return s == null || s.equals("RUNNING") ? null : s;
            });
            assertEquals("OK", status);
            assertEquals("with a key\n", browser.find("#stdout").getDomProperty("textContent"));
            // kept for this tab only, unless the user asked to remember it
            assertEquals("first-key-123", browser.script("return sessionStorage.getItem('code-exec.api-key')"));
            assertNull(browser.script("return localStorage.getItem('code-exec.api-key')"));
        }
    }
}
