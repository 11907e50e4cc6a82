/**
 * The {@code expect:} claim language: {@link ipclab.dsl.expect.Claim} parses a claim and
 * evaluates it against a lookup of figures. Internal to the dsl module: callers see claims as the
 * plan's {@link ipclab.dsl.plan.Expectation}s. Beside the model: it imports only
 * {@code ipclab.dsl.model}, and knows nothing of plans.
 */
package ipclab.dsl.expect;
