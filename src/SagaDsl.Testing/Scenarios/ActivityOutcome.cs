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
