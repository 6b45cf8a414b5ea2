using System.Collections.Generic;
using System.Linq;

namespace SagaDsl.Testing.Scenarios;

/// <summary>
/// The scenarios a saga's structure implies, derived from a base scenario (its input and step
/// results): every step failing, every compensation failing, cancellation during every step.
/// </summary>
public static class ScenarioDerivation
{
    /// <summary>The error type of the failures derived scenarios inject.</summary>
    public const string InjectedError = "InjectedFault";

    /// <summary>Each step failing for good, one scenario per step, in step order.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <returns>The scenarios.</returns>
    public static IReadOnlyList<SagaScenario> FailurePoints(this SagaScenario scenario) =>
        scenario.Definition.Steps
            .Select(step => scenario.Step(step.Name).Fails(InjectedError).Named(step.Name + " fails"))
            .ToList();

    /// <summary>
    /// Each compensation failing for good while it undoes its step after the last step that can
    /// still be compensated (the pivot, or the last critical step) failed, one scenario per
    /// compensated step.
    /// </summary>
    /// <param name="scenario">The base scenario.</param>
    /// <returns>The scenarios.</returns>
    public static IReadOnlyList<SagaScenario> CompensationFailurePoints(this SagaScenario scenario)
    {
        var steps = scenario.Definition.Steps;
        var trigger = steps.LastOrDefault(step => step.IsCritical && !step.IsAfterPivot);
        if (trigger is null)
        {
            return new List<SagaScenario>();
        }

        var failing = scenario.Step(trigger.Name).Fails(InjectedError);
        return steps
            .Where(step => step.Order < trigger.Order && step.Compensation is not null && !step.IsAfterPivot)
            .Select(step => failing.Compensation(step.Name).Fails(InjectedError).Named($"{trigger.Name} fails, {step.Compensation!.Name} fails"))
            .ToList();
    }

    /// <summary>Cancellation requested while each step runs, one scenario per step.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <returns>The scenarios.</returns>
    public static IReadOnlyList<SagaScenario> CancellationPoints(this SagaScenario scenario) =>
        scenario.Definition.Steps
            .Select(step => scenario.CancelledDuring(step.Name).Named("cancelled during " + step.Name))
            .ToList();

    /// <summary>The base scenario, then every failure point, compensation failure and cancellation point.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <returns>The scenarios.</returns>
    public static IReadOnlyList<SagaScenario> EveryScenario(this SagaScenario scenario) =>
        new[] { scenario }
            .Concat(scenario.FailurePoints())
            .Concat(scenario.CompensationFailurePoints())
            .Concat(scenario.CancellationPoints())
            .ToList();
}
