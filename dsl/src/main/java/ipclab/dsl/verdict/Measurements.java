package ipclab.dsl.verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a comparison measured: for each system (a sweep's mechanism, e.g. {@code msgq},
 * {@code shm-sem}), message size and figure, either the repeats' samples or the reason the
 * combination could not run on this machine ({@code not possible on this machine (msgmax = 8192)}).
 * Immutable; build it with {@link #builder()}.
 */
public record Measurements(List<Point> points) {
    /** One cell: samples, or, when {@code samples} is null, why there are none. */
    public record Point(String system, long size, Figure figure, Samples samples, String unavailable) {
        public Point {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(figure, "figure");
            if (size < 0) throw new IllegalArgumentException("size=" + size + " must not be negative");
            if ((samples == null) == (unavailable == null)) {
                throw new IllegalArgumentException(
                        "a point has either samples or a reason it is unavailable, not both or neither");
            }
        }

        public boolean measured() {
            return samples != null;
        }
    }

    public Measurements {
        points = List.copyOf(points);
        Set<String> keys = new LinkedHashSet<>();
        for (Point p : points) {
            if (!keys.add(p.system + "/" + p.size + "/" + p.figure)) {
                throw new IllegalArgumentException(
                        "two points for " + p.system + " " + p.figure.text() + " at " + p.size + " B");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Systems in the order they were first added. */
    public List<String> systems() {
        Set<String> out = new LinkedHashSet<>();
        points.forEach(p -> out.add(p.system));
        return List.copyOf(out);
    }

    /** Every size with a point for the figure, ascending. */
    public List<Long> sizes(Figure figure) {
        Set<Long> out = new TreeSet<>();
        points.stream().filter(p -> p.figure == figure).forEach(p -> out.add(p.size));
        return List.copyOf(out);
    }

    public Optional<Point> point(String system, Figure figure, long size) {
        return points.stream()
                .filter(p -> p.system.equals(system) && p.figure == figure && p.size == size)
                .findFirst();
    }

    /** The samples, if the combination was measured. */
    public Optional<Samples> samples(String system, Figure figure, long size) {
        return point(system, figure, size).filter(Point::measured).map(Point::samples);
    }

    public boolean has(String system) {
        return points.stream().anyMatch(p -> p.system.equals(system));
    }

    public static final class Builder {
        private final List<Point> points = new ArrayList<>();

        private Builder() {}

        public Builder add(String system, long size, Figure figure, Samples samples) {
            points.add(new Point(system, size, figure, samples, null));
            return this;
        }

        public Builder add(String system, long size, Figure figure, double... samples) {
            return add(system, size, figure, Samples.of(samples));
        }

        public Builder unavailable(String system, long size, Figure figure, String reason) {
            points.add(new Point(system, size, figure, null, reason));
            return this;
        }

        public Measurements build() {
            return new Measurements(points);
        }
    }
}
