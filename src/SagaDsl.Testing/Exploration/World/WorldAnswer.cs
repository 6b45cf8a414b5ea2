namespace SagaDsl.Testing.Exploration.World;

/// <summary>What the world answers a call: its effect took place (with the activity's result), or the service refused it.</summary>
/// <param name="Accepted">Whether the effect took place, now or on an earlier call with the same key.</param>
/// <param name="Result">What the activity returns when accepted.</param>
/// <param name="Rejection">Why the service refused the call: the activity then fails with a non-retryable error.</param>
public sealed record WorldAnswer(bool Accepted, object? Result, string? Rejection)
{
    /// <summary>The error type of a refused call in the histories the explorer writes.</summary>
    public const string RejectedErrorType = "SagaCallRejected";

    /// <summary>The effect took place.</summary>
    /// <param name="result">The activity's result.</param>
    /// <returns>The answer.</returns>
    public static WorldAnswer Applied(object? result) => new(true, result, null);

    /// <summary>The service refused the call, with no effect.</summary>
    /// <param name="reason">Why, for the timeline and the activity's failure.</param>
    /// <returns>The answer.</returns>
    public static WorldAnswer Rejected(string reason) => new(false, null, reason);
}
