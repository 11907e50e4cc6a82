/**
 * Benchmark tools, not part of ipclab's shipped jar: {@link ipclab.bench.Compare} prints ipclab
 * against the C yardstick ipcref from what {@code bench/compare.sh} left; {@link ipclab.bench.Startup}
 * times a worker's start-up against a bare JVM for {@code bench/startup.sh}. Run by those scripts;
 * no API.
 */
package ipclab.bench;
