namespace SagaDsl.Testing.Scenarios;

/// <summary>How one activity of a scenario ends, as the history will record it.</summary>
internal sealed record ActivityOutcome(
    ActivityOutcomeKind Kind,
    object? Result = null,
    string? ErrorType = null,
    string? Message = null,
    bool Retryable = false,
    ActivityTimeout Timeout = ActivityTimeout.StartToClose,
    object?[]? HeartbeatDetails = null)
{
    public static ActivityOutcome Completed(object? result) => new(ActivityOutcomeKind.Completes, Result: result);

    /// <summary>Completes with the default value of <paramref name="resultType"/>: a value type's payload must not be null.</summary>
    public static ActivityOutcome CompletedWithDefault(System.Type? resultType) =>
        Completed(resultType is { IsValueType: true } && System.Nullable.GetUnderlyingType(resultType) is null ? System.Activator.CreateInstance(resultType) : null);

    /// <summary>Gets whether the activity fails or times out rather than completing.</summary>
    public bool IsFailure => Kind != ActivityOutcomeKind.Completes;

    /// <summary>
    /// Gets whether the retry policy retries this outcome, so it reaches the workflow only after the
    /// last attempt: a retryable failure, or a timeout of one attempt (start-to-close, heartbeat).
    /// </summary>
    public bool IsRetried => Kind switch
    {
        ActivityOutcomeKind.Fails => Retryable,
        ActivityOutcomeKind.TimesOut => Timeout is ActivityTimeout.StartToClose or ActivityTimeout.Heartbeat,
        _ => false,
    };

    public string Describe(string name) => Kind switch
    {
        ActivityOutcomeKind.Fails => $"{name} fails{(Retryable ? " every attempt" : string.Empty)} with {ErrorType}",
        ActivityOutcomeKind.TimesOut => $"{name} times out ({Timeout})",
        _ => $"{name} completes",
    };
}

/// <summary>The ways an activity ends.</summary>
internal enum ActivityOutcomeKind
{
    Completes,
    Fails,
    TimesOut,
}
