package org.childprotection.registry.api.console;

import org.childprotection.registry.api.support.ApiClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The system's headless Chromium driving the console of the running registry. The browser and its driver are
 * the Debian packages chromium and chromium-driver (never downloaded at test time); screenshots go to
 * {@code console.screenshots.dir} (default target/console-screenshots; docs/console for the README).
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final File CHROMEDRIVER = new File(System.getProperty("registry.chromedriver", "/usr/bin/chromedriver"));
    private static final String CHROMIUM = System.getProperty("registry.chromium", "/usr/bin/chromium");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.screenshots = Path.of(System.getProperty("console.screenshots.dir", "target/console-screenshots"));
    }

    static Browser open(int port) throws IOException {
        if (!CHROMEDRIVER.canExecute() || !new File(CHROMIUM).canExecute()) {
            throw new IllegalStateException("The console tests need the system's Chromium: run ./test (it installs"
                    + " chromium and chromium-driver), or set -Dregistry.chromedriver=... -Dregistry.chromium=...");
        }
        Path profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver, "http://127.0.0.1:" + port, profile);
    }

    /** Signs out, forgets the chosen language (Chinese again), and signs in as {@code user}. */
    void signInAs(String user) {
        signInAs(user, ApiClient.demoPassword(user));
        waitFor(By.id("who"));
    }

    /** Signs in with the console's form: the browser then holds a session cookie, never the password. */
    void signInAs(String user, String password) {
        if (driver.findElements(By.id("sign-out")).isEmpty()) {
            driver.get(base + "/");
            script("localStorage.clear();");
            driver.manage().deleteAllCookies();
            driver.navigate().refresh();
        } else {
            script("localStorage.clear();");
            driver.findElement(By.id("sign-out")).click();
        }
        type(By.id("username"), user);
        type(By.id("password"), password);
        driver.findElement(By.id("sign-in")).click();
    }

    /** From now on, in this page, collects what its Content-Security-Policy refused (see {@link #policyViolations}). */
    void watchPolicyViolations() {
        script("window.policyViolations = []; document.addEventListener('securitypolicyviolation',"
                + " (e) => window.policyViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
    }

    @SuppressWarnings("unchecked")
    List<String> policyViolations() {
        return (List<String>) script("return window.policyViolations;");
    }

    /** The session ends as the server sees it: the browser no longer has its cookie (as after the idle timeout). */
    void endSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
    }

    void go(String route) {
        driver.get(base + "/#" + route);
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void type(By by, String text) {
        WebElement input = waitFor(by);
        input.clear();
        input.sendKeys(text);
    }

    /** A form field by its name in the request body (e.g. child.hukou). */
    void fill(String field, String text) {
        type(By.name(field), text);
    }

    void choose(String field, String value) {
        new Select(waitFor(By.name(field))).selectByValue(value);
    }

    void tick(String field, String value) {
        waitFor(By.cssSelector("input[name='" + field + "'][value='" + value + "']")).click();
    }

    /** Date inputs take their typed text in the browser's locale; the value is set as the page would see it. */
    void date(String field, String isoDate) {
        script("const i = document.querySelector(arguments[0]); i.value = arguments[1];"
                + " i.dispatchEvent(new Event('input', {bubbles: true}));", "[name='" + field + "']", isoDate);
    }

    /** Applies the page's filters and waits for the answer to them (not the one shown before). */
    void applyFilters() {
        String loads = "const e = document.querySelector('[data-loads]'); return e ? e.dataset.loads : null;";
        Object before = script(loads);
        click(By.cssSelector("form.filters button"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            Object now = script(loads);
            return now != null && !now.equals(before);
        });
    }

    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
