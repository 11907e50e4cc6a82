/**
 * Scenario to plan: {@link ipclab.dsl.plan.Planner} checks a scenario against the kernel's
 * limits ({@link ipclab.dsl.plan.KernelLimits}), fills in every default and expands replicas and
 * sweeps into {@link ipclab.dsl.plan.Plan}s; {@link ipclab.dsl.plan.MetricNames} lists the
 * figures claims may name.
 */
package ipclab.dsl.plan;
