using SagaDsl.Runtime;

namespace SagaDsl.Testing.Scenarios;

/// <summary>What the compensation of a step can do when it runs; each choice returns the new scenario.</summary>
public sealed class CompensationOutcomes : ActivityOutcomes
{
    private readonly SagaScenario scenario;
    private readonly SagaStepDefinition step;

    internal CompensationOutcomes(SagaScenario scenario, SagaStepDefinition step)
        : base(step.Compensation!.Name)
    {
        this.scenario = scenario;
        this.step = step;
    }

    /// <summary>The compensation completes (the default).</summary>
    /// <returns>The new scenario.</returns>
    public SagaScenario Completes() => With(ActivityOutcome.Completed(null));

    private protected override SagaScenario With(ActivityOutcome outcome) => scenario.WithCompensation(step, outcome);
}
