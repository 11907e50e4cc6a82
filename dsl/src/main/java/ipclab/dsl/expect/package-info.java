/** The {@code expect:} claim language: {@link ipclab.dsl.expect.Claim} parses and evaluates claims. */
package ipclab.dsl.expect;
