package ipclab.dsl.plan;

import ipclab.dsl.expect.Claim;

/**
 * A claim from {@code expect:}, parsed. The engine evaluates it against a run's figures through
 * {@link Metrics}: {@code consumer.received == producer.sent}, {@code ring.latency.p50 < 50us}.
 */
public interface Expectation {
    /** The claim as written. */
    String text();

    /** Evaluates the claim; never throws for a missing figure (the result says what was missing). */
    Result evaluate(Metrics metrics);

    /** A parsed claim as an expectation (the claim language knows nothing of plans). */
    static Expectation of(Claim claim) {
        return new Expectation() {
            @Override
            public String text() {
                return claim.text();
            }

            @Override
            public Result evaluate(Metrics metrics) {
                return new Result(claim.holds(metrics::value), claim.actual(metrics::value, MetricNames::unit));
            }

            @Override
            public String toString() {
                return claim.text();
            }
        };
    }

    /** Figures of a run by dotted path, e.g. {@code consumer.received}, {@code ring.latency.p50} (ns). */
    interface Metrics {
        /** The value, or {@code null} when the run has no such figure. */
        Double value(String path);
    }

    /** @param actual what the figures were, e.g. {@code consumer.received=1000, producer.sent=1000} */
    record Result(boolean ok, String actual) {}
}
