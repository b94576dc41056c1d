package com.onyxos.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo console in headless Chromium against a freshly started stack with the demo's world: the creators' stats
 * on open, a vault sync with its live progress bar, 2FA enrolment (QR code), verification and disabling. Saves
 * screenshots to {@code target/screenshots} and prints the figures the README quotes (first and second start, time
 * to first stats, time for a vault sync). Not part of the default build: {@code -Dgroups=browser -DexcludedGroups=}.
 */
@Tag("browser")
class ConsoleBrowserCheck {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path SHOTS = Path.of("target/screenshots");

    @TempDir
    Path dataDir;

    private final List<String> figures = new ArrayList<>();

    @Test
    void syncAndTwoFactorInTheConsole() throws Exception {
        Files.createDirectories(SHOTS);
        Ports ports = FreePorts.stack();
        StackConfig config = StackConfig.defaults(ROOT).withDataDir(dataDir).withPorts(ports);
        Duration firstStart;
        try (LocalStack first = LocalStack.start(config, System.out::println)) {
            firstStart = first.startTime();
        }
        figure("first start (fresh data, demo agency prepared)", firstStart);
        try (LocalStack stack = LocalStack.start(config, System.out::println)) {
            figure("second start", stack.startTime());
            drive(stack, ports);
        }
        figures.forEach(System.out::println);
    }

    private void drive(LocalStack stack, Ports ports) throws Exception {
        String token = new DemoUsers(stack.config()).token(stack.issuer(), "admin");
        WebDriver browser = chromium(ports);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            Instant open = Instant.now();
            browser.get("http://localhost:" + ports.console() + "/#token=" + token);
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#creators tbody tr"), 0));
            wait.until(driver -> !driver.findElement(By.cssSelector("#creators tbody tr td.num"))
                    .getText()
                    .equals("–"));
            figure(
                    "console: time to first stats (open → creators with figures)",
                    Duration.between(open, Instant.now()));
            wait.until(driver ->
                    "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-ready")));
            assertThat(browser.findElements(By.cssSelector("#vault-grid .asset")))
                    .isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#folders tbody tr")))
                    .isNotEmpty();
            assertThat(browser.findElement(By.id("connection")).getText()).contains("active");
            shot(browser, "1-console-open");

            Instant click = Instant.now();
            browser.findElement(By.id("sync-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sync-progress")));
            shot(browser, "2-sync-running");
            wait.until(driver ->
                    "true".equals(driver.findElement(By.id("sync-text")).getAttribute("data-done")));
            figure(
                    "console: vault sync of the demo agency (click → all runs finished)",
                    Duration.between(click, Instant.now()));
            WebElement progress = browser.findElement(By.id("sync-progress"));
            assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
            assertThat(browser.findElement(By.id("sync-text")).getText()).startsWith("Synced ");
            shot(browser, "3-sync-done");

            browser.findElement(By.id("mfa-enroll")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mfa-qr")));
            assertThat(browser.findElement(By.id("mfa-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
            String secret = browser.findElement(By.id("mfa-secret")).getText();
            shot(browser, "4-2fa-qr");
            browser.findElement(By.id("mfa-code"))
                    .sendKeys(Totp.code(secret, Clock.systemUTC().instant()));
            browser.findElement(By.id("mfa-verify")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mfa-message"), "2FA is on"));
            assertThat(browser.findElement(By.id("mfa-factors")).getText()).contains("verified");
            shot(browser, "5-2fa-on");

            browser.findElement(By.cssSelector(".mfa-disable")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mfa-message"), "2FA disabled"));
            assertThat(browser.findElement(By.id("mfa-enroll")).isDisplayed()).isTrue();
            shot(browser, "6-2fa-off");
            assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    private static WebDriver chromium(Ports ports) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1500",
                // Free ports can land on one Chromium refuses by default (10080, 6000, ...).
                "--explicitly-allowed-ports=" + ports.console() + "," + ports.simulator(),
                "--user-data-dir="
                        + Path.of("target/chromium-" + System.nanoTime()).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    private void figure(String what, Duration took) {
        figures.add(String.format("FIGURE %-62s %6.1f s", what, took.toMillis() / 1000.0));
    }
}
