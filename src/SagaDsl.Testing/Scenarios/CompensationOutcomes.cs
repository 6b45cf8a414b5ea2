namespace SagaDsl.Testing.Scenarios;

/// <summary>What the compensation of a step can do when it runs; each choice returns the new scenario.</summary>
public sealed class CompensationOutcomes
{
    private readonly SagaScenario scenario;
    private readonly SagaDsl.Runtime.SagaStepDefinition step;

    internal CompensationOutcomes(SagaScenario scenario, SagaDsl.Runtime.SagaStepDefinition step)
    {
        this.scenario = scenario;
        this.step = step;
    }

    /// <summary>The compensation completes (the default).</summary>
    /// <returns>The new scenario.</returns>
    public SagaScenario Completes() => scenario.WithCompensation(step, ActivityOutcome.Completed(null));

    /// <summary>The compensation fails for good with an application error.</summary>
    /// <param name="errorType">The error type.</param>
    /// <param name="message">The message; by default one naming the compensation.</param>
    /// <param name="retryable">Whether every attempt failed until the retry policy gave up, rather than one non-retryable error.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario Fails(string errorType, string? message = null, bool retryable = false) =>
        scenario.WithCompensation(step, new ActivityOutcome(ActivityOutcomeKind.Fails, ErrorType: errorType, Message: message ?? $"{errorType} in {step.Compensation!.Name}", Retryable: retryable));

    /// <summary>The compensation times out for good.</summary>
    /// <param name="timeout">Which timeout expires.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario TimesOut(ActivityTimeout timeout = ActivityTimeout.StartToClose) =>
        scenario.WithCompensation(step, new ActivityOutcome(ActivityOutcomeKind.TimesOut, Timeout: timeout));
}
