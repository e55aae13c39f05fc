package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The therapists' page in a real headless Chromium (the system's chromium and chromium-driver packages, which
 * .ci/run installs): fill the intake, submit, read the report.
 */
class BrowserTest extends SharedService {
    static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopBrowser() { // before the service stops (a subclass's @AfterAll runs first)
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private void check(String field, String value) {
        browser.findElement(By.id(field + "-" + value)).click();
    }

    private void fillIntake(String cause, int pain) {
        browser.get(h.url("/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cause-" + cause)));
        browser.findElement(By.id("field-id")).sendKeys("browser-case");
        browser.findElement(By.id("field-age")).sendKeys("44");
        check("cause", cause);
        check("sensitivity", "MODERATE");
        check("inflammation", "NONE");
        WebElement painLevel = browser.findElement(By.id("field-painLevel"));
        painLevel.clear();
        painLevel.sendKeys(String.valueOf(pain));
        check("course", "CHRONIC");
        check("tenseAreas", "PIRIFORMIS");
    }

    @Test
    void theFormAsksEveryInputField() {
        browser.get(h.url("/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cause-UNKNOWN")));
        for (String field : new String[] {"id", "age", "cause", "sensitivity", "inflammation", "painLevel", "course", "symptoms",
                "tenseAreas", "redFlags", "conditions", "clinicFindings"}) {
            assertThat(browser.findElements(By.id("field-" + field))).as(field).hasSize(1);
        }
        assertThat(browser.findElements(By.cssSelector("#field-redFlags input[type=checkbox]"))).hasSize(org.sciatica.advisor.RedFlag.values().length);
    }

    @Test
    void aPiriformisCaseGivesAReportWithTechniquesInOrder() {
        fillIntake("PIRIFORMIS_SYNDROME", 5);
        browser.findElement(By.id("advise")).click();
        WebElement disposition = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("disposition")));
        assertThat(disposition.getText()).startsWith("Massage");
        assertThat(browser.findElements(By.cssSelector("#techniques > li"))).isNotEmpty();
        assertThat(browser.findElement(By.id("report")).getText()).contains("browser-case", "NO_DIRECT_NERVE_PRESSURE", "Sources");
        assertThat(browser.findElements(By.id("referral"))).isEmpty();
    }

    @Test
    void aRedFlagShowsTheReferral() {
        fillIntake("HERNIATED_DISC", 6);
        check("redFlags", "SADDLE_ANESTHESIA");
        browser.findElement(By.id("advise")).click();
        WebElement referral = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("referral")));
        assertThat(referral.getText()).contains("EMERGENCY", "emergency department", "now");
        assertThat(browser.findElement(By.id("disposition")).getText()).isEqualTo("Refer: do not massage");
        assertThat(browser.findElements(By.id("techniques"))).isEmpty();
    }

    @Test
    void aBadValueShowsTheLibrarysMessage() {
        fillIntake("MUSCLE_TENSION", 5);
        WebElement painLevel = browser.findElement(By.id("field-painLevel"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('max')", painLevel);
        painLevel.clear();
        painLevel.sendKeys("15");
        browser.findElement(By.id("advise")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).contains("painLevel", "15");
    }

    @Test
    void theRuleCatalogAndTheDecisionMatrixAreShown() {
        browser.get(h.url("/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cause-UNKNOWN")));
        browser.findElement(By.id("show-rules")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-text"), "RF-01"));
        browser.findElement(By.id("show-matrix")).click();
        waiting().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("const i = document.getElementById('matrix-image'); return i.complete && i.naturalWidth > 0;"));
    }
}
