namespace SagaDsl.Testing.Scenarios;

/// <summary>What a step of a scenario can do; each choice returns the new scenario.</summary>
public sealed class StepOutcomes
{
    private readonly SagaScenario scenario;
    private readonly SagaDsl.Runtime.SagaStepDefinition step;

    internal StepOutcomes(SagaScenario scenario, SagaDsl.Runtime.SagaStepDefinition step)
    {
        this.scenario = scenario;
        this.step = step;
    }

    /// <summary>The step completes and returns <paramref name="result"/>.</summary>
    /// <param name="result">The step's result, as its activity returns it.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario Returns(object? result) => scenario.WithStep(step, ActivityOutcome.Completed(result));

    /// <summary>The step completes, returning the default value of its result type.</summary>
    /// <returns>The new scenario.</returns>
    public SagaScenario Completes() => scenario.WithStep(step, ActivityOutcome.CompletedWithDefault(step.ResultType));

    /// <summary>The step fails for good with an application error.</summary>
    /// <param name="errorType">The error type, e.g. <c>"PaymentDeclined"</c>.</param>
    /// <param name="message">The message; by default one naming the step.</param>
    /// <param name="retryable">
    /// <c>false</c>: the error is non-retryable and ends the first attempt. <c>true</c>: every attempt
    /// fails until the retry policy gives up (not possible for steps that retry without limit).
    /// </param>
    /// <returns>The new scenario.</returns>
    public SagaScenario Fails(string errorType, string? message = null, bool retryable = false) =>
        scenario.WithStep(step, new ActivityOutcome(ActivityOutcomeKind.Fails, ErrorType: errorType, Message: message ?? $"{errorType} in {step.Name}", Retryable: retryable));

    /// <summary>The step times out for good.</summary>
    /// <param name="timeout">Which timeout expires.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario TimesOut(ActivityTimeout timeout = ActivityTimeout.StartToClose) =>
        scenario.WithStep(step, new ActivityOutcome(ActivityOutcomeKind.TimesOut, Timeout: timeout));

    /// <summary>The step heartbeats <paramref name="lastDetails"/>, then stops heartbeating and times out.</summary>
    /// <param name="lastDetails">The details of its last heartbeat, recorded in the timeout failure.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario HeartbeatsThenTimesOut(params object?[] lastDetails) =>
        scenario.WithStep(step, new ActivityOutcome(ActivityOutcomeKind.TimesOut, Timeout: ActivityTimeout.Heartbeat, HeartbeatDetails: lastDetails));
}
