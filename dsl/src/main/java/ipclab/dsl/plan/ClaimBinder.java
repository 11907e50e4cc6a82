package ipclab.dsl.plan;

import ipclab.dsl.expect.Claim;
import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An {@code expect:} claim parsed and bound to the scenario: each figure it names belongs to a process, a replica or a channel that has it (see {@link MetricNames}). */
final class ClaimBinder {
    private ClaimBinder() {}

    static Expectation bind(Scenario s, int i, String text, Map<String, String> processNames, List<Problem> problems) {
        String path = "expect[" + i + "]";
        Claim claim;
        try {
            claim = Claim.parse(text);
        } catch (ClaimSyntaxException e) {
            problems.add(Problem.value(path, e.getMessage() + " (at column " + e.column() + " of the claim)"));
            return null;
        }
        boolean ok = true;
        for (Claim.Path p : claim.paths()) {
            String subject = p.subject(), metric = p.metric();
            boolean isProcess = processNames.containsKey(subject);
            ChannelSpec channel = s.channels().get(subject);
            if (!isProcess && channel == null) {
                Set<String> all = new LinkedHashSet<>(processNames.keySet());
                all.addAll(s.channels().keySet());
                problems.add(Problem.value(
                        path,
                        "'" + subject + "' in '" + p.text() + "' is neither a process nor a channel"
                                + Suggestions.didYouMean(subject, all) + " (processes: "
                                + String.join(", ", processNames.keySet()) + "; channels: "
                                + String.join(", ", s.channels().keySet()) + ")"));
                ok = false;
                continue;
            }
            if (isProcess) {
                if (!MetricNames.isProcessMetric(metric)) {
                    problems.add(Problem.value(
                            path,
                            (metric.isEmpty()
                                            ? "'" + p.text() + "' needs a figure after the process name"
                                            : "'" + metric + "' is not a process figure")
                                    + Suggestions.didYouMean(metric, MetricNames.PROCESS) + " (process figures: "
                                    + String.join(", ", MetricNames.PROCESS) + ", syscalls.<call>, errors.<ERRNO>)"));
                    ok = false;
                }
            } else {
                boolean counter = channel.type() == ChannelType.SHM
                        && s.processes().values().stream()
                                .anyMatch(q -> subject.equals(q.channel()) && q.role() == Role.INCREMENTER);
                if (!MetricNames.isChannelMetric(metric, counter)) {
                    List<String> valid = new ArrayList<>(MetricNames.CHANNEL);
                    if (counter) valid.addAll(MetricNames.COUNTER);
                    String extra = !counter && MetricNames.COUNTER.contains(metric)
                            ? "; '" + metric + "' exists only on shm channels used by incrementers"
                            : "";
                    problems.add(Problem.value(
                            path,
                            (metric.isEmpty()
                                            ? "'" + p.text() + "' needs a figure after the channel name"
                                            : "'" + metric + "' is not a channel figure")
                                    + Suggestions.didYouMean(metric, valid) + extra + " (channel figures: "
                                    + String.join(", ", valid) + ")"));
                    ok = false;
                }
            }
        }
        return ok ? Expectation.of(claim) : null;
    }
}
