package ipclab.dsl.expect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.plan.Expectation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimTest {
    static final Map<String, Double> FIGURES = Map.of(
            "consumer.received",
            1000d,
            "producer.sent",
            1000d,
            "ring.latency.p50",
            42_000d,
            "producer-2.sent",
            500d,
            "q.throughput.mibPerSec",
            12.5d,
            "counter.lostUpdates",
            0d);
    static final Expectation.Metrics METRICS = FIGURES::get;

    static Expectation.Result eval(String text) throws ClaimSyntaxException {
        return Expectation.of(Claim.parse(text)).evaluate(METRICS);
    }

    @Test
    void comparesFiguresAndShowsThem() throws ClaimSyntaxException {
        assertEquals(
                new Expectation.Result(true, "consumer.received=1000, producer.sent=1000"),
                eval("consumer.received == producer.sent"));
        assertEquals(new Expectation.Result(true, "ring.latency.p50=42.0 us"), eval("ring.latency.p50 < 50us"));
        assertEquals(new Expectation.Result(false, "ring.latency.p50=42.0 us"), eval("ring.latency.p50 < 40us"));
        assertEquals(
                new Expectation.Result(true, "q.throughput.mibPerSec=12.50"), eval("q.throughput.mibPerSec >= 12.5"));
    }

    @Test
    void figuresWithAUnitAreShownInIt() {
        assertEquals("1.78 us", Claim.withUnit(1778, "ns"));
        assertEquals("850 ns", Claim.withUnit(850, "ns"));
        assertEquals("6.40 ms", Claim.withUnit(6_400_000, "ns"));
        assertEquals("4.00 KiB", Claim.withUnit(4096, "bytes"));
        assertEquals("64 B", Claim.withUnit(64, "bytes"));
        assertEquals("256 ms", Claim.withUnit(256, "ms"));
        assertEquals("1000", Claim.withUnit(1000, ""));
    }

    @Test
    void unitsConvert() throws ClaimSyntaxException {
        assertTrue(eval("producer.sent == 1k").ok());
        assertTrue(eval("producer.sent < 1KiB").ok());
        assertTrue(eval("ring.latency.p50 == 42us").ok());
        assertTrue(
                eval("ring.latency.p50 < 1ms and ring.latency.p50 > 0.5 * 1us").ok());
        assertTrue(eval("2ms == 2000000").ok());
        assertTrue(eval("1s == 1000ms and 1m == 60s and 1MiB == 1024KiB and 2M == 2000k")
                .ok());
    }

    @Test
    void arithmeticAndPrecedence() throws ClaimSyntaxException {
        assertTrue(eval("producer-2.sent * 2 == producer.sent").ok());
        assertTrue(eval("consumer.received - producer-2.sent * 2 == 0").ok());
        assertTrue(eval("(consumer.received - producer-2.sent) * 2 == producer.sent")
                .ok());
        assertTrue(eval("-counter.lostUpdates <= 0").ok());
        assertTrue(eval("producer.sent / 4 == 250").ok());
        assertFalse(eval("producer.sent != 1000").ok());
    }

    @Test
    void missingFiguresFailWithoutThrowing() throws ClaimSyntaxException {
        assertEquals(
                new Expectation.Result(false, "consumer.bytes=missing, producer.sent=1000"),
                eval("consumer.bytes == producer.sent"));
    }

    @Test
    void andReportsEveryFigureOnce() throws ClaimSyntaxException {
        Expectation.Result r = eval("consumer.received == producer.sent and producer.sent > 0");
        assertEquals(new Expectation.Result(true, "consumer.received=1000, producer.sent=1000"), r);
    }

    @Test
    void pathsAreListed() throws ClaimSyntaxException {
        assertEquals(
                List.of("producer-2.sent", "ring.latency.p99"),
                Claim.parse("producer-2.sent > ring.latency.p99").paths().stream()
                        .map(Claim.Path::text)
                        .toList());
        Claim.Path p =
                Claim.parse("x < ring.latency.p99").paths().stream().toList().get(1);
        assertEquals("ring", p.subject());
        assertEquals("latency.p99", p.metric());
        assertEquals(5, p.column());
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        ClaimSyntaxException e = assertThrows(ClaimSyntaxException.class, () -> Claim.parse("a.b = 3"));
        assertEquals("'=' is not a comparison; write '=='", e.getMessage());
        assertEquals(5, e.column());
        assertEquals(
                "a comparison needs an operator: == != < <= > >=",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("a.b"))
                        .getMessage());
        assertEquals(
                "unknown unit 'mus' in '5mus'; units are ns, us, ms, s, m, B, KiB, MiB, GiB, k, M; did you mean 'us'?",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("a.b < 5mus"))
                        .getMessage());
        assertEquals(
                "the claim is empty; write e.g. 'consumer.received == producer.sent'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("  "))
                        .getMessage());
        assertEquals(
                "write the unit right after its number, without a space: '50us'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("a.b < 50 us"))
                        .getMessage());
        assertEquals(
                "write the unit right after its number, without a space: '2ms'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("a.b < 2 ms and a.b > 0"))
                        .getMessage());
        assertEquals(
                "'(' is not closed",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("(a.b < 1"))
                        .getMessage());
        assertEquals(
                "unexpected 'c.d'; claims are joined with 'and'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("a.b < 1 c.d"))
                        .getMessage());
        assertEquals(
                "expected a number or a name such as consumer.received, found '# 3'",
                assertThrows(ClaimSyntaxException.class, () -> Claim.parse("a.b < # 3"))
                        .getMessage());
    }
}
