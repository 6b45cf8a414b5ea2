using SagaDsl.Runtime;

namespace SagaDsl.Testing.Scenarios;

/// <summary>What a step of a scenario can do; each choice returns the new scenario.</summary>
public sealed class StepOutcomes : ActivityOutcomes
{
    private readonly SagaScenario scenario;
    private readonly SagaStepDefinition step;

    internal StepOutcomes(SagaScenario scenario, SagaStepDefinition step)
        : base(step.Name)
    {
        this.scenario = scenario;
        this.step = step;
    }

    /// <summary>The step completes and returns <paramref name="result"/>.</summary>
    /// <param name="result">The step's result, as its activity returns it.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario Returns(object? result) => With(ActivityOutcome.Completed(result));

    /// <summary>The step completes, returning the default value of its result type.</summary>
    /// <returns>The new scenario.</returns>
    public SagaScenario Completes() => With(ActivityOutcome.CompletedWithDefault(step.ResultType));

    /// <summary>The step heartbeats <paramref name="lastDetails"/>, then stops heartbeating and times out.</summary>
    /// <param name="lastDetails">The details of its last heartbeat, recorded in the timeout failure.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario HeartbeatsThenTimesOut(params object?[] lastDetails) =>
        With(new ActivityOutcome(ActivityOutcomeKind.TimesOut, Timeout: ActivityTimeout.Heartbeat, HeartbeatDetails: lastDetails));

    private protected override SagaScenario With(ActivityOutcome outcome) => scenario.WithStep(step, outcome);
}
