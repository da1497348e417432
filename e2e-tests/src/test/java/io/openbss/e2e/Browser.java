package io.openbss.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on the console: it signs in,
 * opens pages, saves a screenshot of each under {@code target/console-screenshots/} and measures how long each page
 * took, from navigation start until it was rendered (until its charts were drawn, on pages with charts).
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String CHROMIUM = System.getProperty("bss.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("bss.chromedriver", "/usr/bin/chromedriver");

    /** One page's rendering time, from navigation start to rendered (charts drawn). */
    record Timing(String page, long millis) {
    }

    private final ChromeDriver driver;
    private final String console;
    private final List<Timing> timings = new ArrayList<>();

    Browser(String console, int width, int height) {
        this.console = console;
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--lang=en-US", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in on the customers' sign-in page in English; {@code user} null for the account's own user. */
    void signIn(String account, String user, String password) {
        signIn(account, user, password, "en_US");
    }

    /**
     * Signs in with the keyboard alone: the account field has the focus, Tab moves to the next field, Enter sends
     * the form. Then the first Tab of the page reaches its "skip to content" link.
     */
    String signInByKeyboard(String account, String password) {
        driver.manage().deleteAllCookies();
        driver.get(console + "/sign-in");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(account).sendKeys(org.openqa.selenium.Keys.TAB)
                .sendKeys(org.openqa.selenium.Keys.TAB).sendKeys(password).sendKeys(org.openqa.selenium.Keys.ENTER)
                .perform();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        return driver.switchTo().activeElement().getText();
    }

    /** Signs in on the operators' sign-in page with the platform's admin token. */
    void signInAsOperator(String adminToken) {
        driver.manage().deleteAllCookies();
        driver.get(console + "/operator/sign-in");
        driver.findElement(By.id("admin_token")).sendKeys(adminToken);
        driver.findElement(By.id("sign-in")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    /** Signs in as a customer, reading the console (and the API's answers) in {@code language}. */
    void signIn(String account, String user, String password, String language) {
        driver.manage().deleteAllCookies();
        driver.get(console + "/sign-in");
        driver.findElement(By.id("account")).sendKeys(account);
        if (user != null) {
            driver.findElement(By.id("user")).sendKeys(user);
        }
        driver.findElement(By.id("password")).sendKeys(password);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("language"))).selectByValue(language);
        driver.findElement(By.id("sign-in")).click();
        wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    /** Opens a page, waits until it is rendered, records its time and saves its screenshot as {@code name}. */
    Timing open(String path, String name) {
        driver.get(console + path);
        return rendered(name);
    }

    /** The page now shown, once rendered: its time and screenshot. */
    Timing rendered(String name) {
        long millis;
        List<WebElement> charts = driver.findElements(By.cssSelector("[data-chart]"));
        if (charts.isEmpty()) {
            wait(10).until(d -> "complete".equals(script("return document.readyState")));
            millis = ((Number) script("var n = performance.getEntriesByType('navigation')[0];"
                    + " return Math.round(n.loadEventEnd || n.domContentLoadedEventEnd);")).longValue();
        } else {
            wait(15).until(d -> d.findElements(By.cssSelector("[data-chart]:not([data-drawn])")).isEmpty());
            millis = charts.stream().mapToLong(chart -> Long.parseLong(chart.getDomAttribute("data-drawn-ms")))
                    .max().orElseThrow();
        }
        screenshot(name);
        Timing timing = new Timing(name, millis);
        timings.add(timing);
        return timing;
    }

    void screenshot(String name) {
        try {
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Clicks and waits for the page that follows to be rendered. */
    Timing clickAndWait(String id, String name) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(id)).click();
        // the old page is gone once its root element is stale (or no longer known to the browser at all)
        wait(20).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        return rendered(name);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Runs {@code fetch} in the page, with the browser's cookies: the answer's status and text. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> fetch(String method, String path, String formBody) {
        return (java.util.Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var init = {method: arguments[0], credentials: 'same-origin', redirect: 'manual'};"
                        + "if (arguments[2] !== null) { init.body = arguments[2];"
                        + " init.headers = {'Content-Type': 'application/x-www-form-urlencoded'}; }"
                        + "fetch(arguments[1], init).then(r => r.text().then(t => done({status: r.status, text: t})))"
                        + ".catch(e => done({status: -1, text: String(e)}));", method, path, formBody);
    }

    String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    List<Timing> timings() {
        return timings;
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
