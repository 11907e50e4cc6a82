package ipclab.repl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in a real browser, headless Chromium (Debian's {@code chromium}, which
 * {@code .ci/run} installs), as a teacher would: the DOM after loading must hold the verdicts
 * table and report both charts drawn at a non-zero size (the page's own script counts them), and a
 * screenshot must show the verdict badges' and the charts' colours. Chromium gets a fresh
 * profile, home and TMPDIR inside the test's temporary directory, which is removed after it and
 * its helper processes have exited.
 *
 * <p>{@code -Dipclab.compareScreenshot=docs/compare-report.png} keeps the screenshot (for the README).
 */
@Tag("browser")
public class HtmlReportBrowserTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2400;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theReportRendersInHeadlessChromium() throws Exception {
        Path out = tmp.resolve("report");
        ComparisonFiles.write(SampleComparison.build(), out);
        Path shot = assertRenders(
                tmp, out, SampleComparison.CLAIMS.size(), List.of("confirmed", "range", "inconclusive"), true);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertTrue(pixels(image, 0xfdf0cf) > 100, "no amber 'holds only in a range' badge in the screenshot");
        String keep = System.getProperty("ipclab.compareScreenshot");
        if (keep != null) Files.copy(shot, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Opens {@code dir}'s compare.html in headless Chromium (its files under {@code tmp}): both charts
     * drawn, the verdicts table with one row per claim and these kinds of verdict, the conditions, and
     * a screenshot with a green badge and, when {@code chartInView} (a page short enough for the
     * charts to fall within the screenshot), the first chart line. Returns the screenshot.
     */
    public static Path assertRenders(Path tmp, Path dir, int claims, List<String> kinds, boolean chartInView)
            throws Exception {
        String url = dir.resolve(ComparisonFiles.HTML).toUri().toString();
        String dom = Files.readString(chromium(tmp, "--dump-dom", url), StandardCharsets.UTF_8);
        Matcher body = Pattern.compile("<body data-charts-total=\"(\\d+)\" data-charts-rendered=\"(\\d+)\"")
                .matcher(dom);
        assertTrue(body.find(), "no <body> with the chart counters in the DOM Chromium dumped");
        assertEquals("2", body.group(1), "charts in the page");
        assertEquals("2", body.group(2), "charts Chromium decoded and drew at a non-zero size");
        assertTrue(dom.contains("<table class=\"verdicts\">"), "the verdicts table is missing");
        assertEquals(claims, count(dom, "<tr class=\"verdict\""), "one row per claim");
        for (String kind : kinds) {
            assertTrue(dom.contains("data-verdict=\"" + kind + "\""), "no " + kind + " verdict in the table");
        }
        assertTrue(dom.contains("<table class=\"conditions\">"), "the conditions are missing");

        Path shot = tmp.resolve("compare-report.png");
        chromium(tmp, "--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + shot, url);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertTrue(pixels(image, 0xdcf3e0) > 100, "no green 'confirmed' badge in the screenshot");
        if (chartInView)
            assertTrue(pixels(image, 0x1f77b4) > 100, "no chart line (the first series' blue) in the screenshot");
        return shot;
    }

    /** Runs Chromium headless on a fresh profile; returns the file holding its standard output. */
    private static Path chromium(Path tmp, String... args) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("chromium"));
        Path profile = Files.createTempDirectory(home, "profile-");
        Path stdout = Files.createTempFile(home, "stdout-", ".txt");
        Path stderr = Files.createTempFile(home, "stderr-", ".txt");
        List<String> cmd = new ArrayList<>(List.of(
                binary(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        // Everything Chromium writes (profile, caches, its own temporary files) stays in the test's directory.
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("TMPDIR", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish in 2 minutes: " + String.join(" ", cmd));
        }
        awaitHelpersGone(profile);
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + String.join(" ", cmd) + "\n" + tail(stderr));
        return stdout;
    }

    /** Chromium's helper processes (zygote, crashpad) outlive the browser briefly; the directory goes only after them. */
    private static void awaitHelpersGone(Path profile) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String mark = profile.toString();
        while (ProcessHandle.allProcesses()
                .anyMatch(h -> h.info().commandLine().map(c -> c.contains(mark)).orElse(false))) {
            if (System.nanoTime() > deadline)
                fail("chromium's helper processes for " + mark + " are still running after 30 s");
            Thread.onSpinWait();
            Thread.sleep(50); // polling a condition: no event tells us a helper has gone
        }
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name)))
                    return Path.of(dir, name).toString();
            }
        }
        return fail("chromium is not installed; install Debian's: apt-get install -y chromium (.ci/run does)");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }

    /** Pixels within a small distance of {@code rgb}: lines and badges are antialiased and scaled. */
    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y), d = 0;
                for (int shift = 0; shift <= 16; shift += 8)
                    d = Math.max(d, Math.abs((p >> shift & 0xff) - (rgb >> shift & 0xff)));
                if (d <= 24) n++;
            }
        }
        return n;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (java.io.IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
