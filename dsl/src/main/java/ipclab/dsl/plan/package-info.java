/**
 * Scenario to plan: {@link ipclab.dsl.plan.Planner} checks a scenario against the kernel's
 * limits ({@link ipclab.dsl.plan.KernelLimits}), fills in every default and expands replicas and
 * sweeps into {@link ipclab.dsl.plan.Plan}s; {@link ipclab.dsl.plan.MetricNames} lists the
 * figures claims may name.
 *
 * <p>API (what the engine reads): {@link ipclab.dsl.plan.Plan}, {@link ipclab.dsl.plan.PlannedChannel},
 * {@link ipclab.dsl.plan.PlannedProcess}, {@link ipclab.dsl.plan.Expectation},
 * {@link ipclab.dsl.plan.MetricNames}, {@link ipclab.dsl.plan.KernelLimits}, the limits in
 * {@link ipclab.dsl.plan.Planner} and its {@code Skipped} combinations (beyond a machine limit),
 * and {@link ipclab.dsl.plan.Comparing} (a sweep's systems and sizes, for {@code compare:} claims). Internal: {@link ipclab.dsl.plan.Problem} and
 * {@link ipclab.dsl.plan.Sweep} (public for the loader) and the package-private conclude step,
 * one class per job: {@code Concluder} (the order of the checks), {@code NameRules},
 * {@code ProcessRules}, {@code KeyRules}, {@code ProcessDefaults}, {@code Topology},
 * {@code ShmSizing}, {@code MsgqSizing}, {@code SocketSizing}, {@code ClaimBinder}.
 */
package ipclab.dsl.plan;
