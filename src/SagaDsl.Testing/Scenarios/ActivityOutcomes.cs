namespace SagaDsl.Testing.Scenarios;

/// <summary>How an activity of a scenario can end badly; each choice returns the new scenario.</summary>
public abstract class ActivityOutcomes
{
    private protected ActivityOutcomes(string name) => Name = name;

    /// <summary>Gets the step or compensation method the outcome is for.</summary>
    public string Name { get; }

    /// <summary>The activity fails for good with an application error.</summary>
    /// <param name="errorType">The error type, e.g. <c>"PaymentDeclined"</c>.</param>
    /// <param name="message">The message; by default <c>"{errorType} in {method}"</c>.</param>
    /// <param name="retryable">
    /// <c>false</c>: the error is non-retryable and ends the first attempt. <c>true</c>: every attempt
    /// fails until the retry policy gives up (not possible for activities that retry without limit).
    /// </param>
    /// <returns>The new scenario.</returns>
    public SagaScenario Fails(string errorType, string? message = null, bool retryable = false) =>
        With(new ActivityOutcome(ActivityOutcomeKind.Fails, ErrorType: errorType, Message: message ?? $"{errorType} in {Name}", Retryable: retryable));

    /// <summary>The activity times out for good.</summary>
    /// <param name="timeout">Which timeout expires.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario TimesOut(ActivityTimeout timeout = ActivityTimeout.StartToClose) =>
        With(new ActivityOutcome(ActivityOutcomeKind.TimesOut, Timeout: timeout));

    private protected abstract SagaScenario With(ActivityOutcome outcome);
}
