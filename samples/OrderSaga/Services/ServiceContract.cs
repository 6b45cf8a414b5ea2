using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>
/// What every service of the sample promises a saga (docs/semantics.md, "The service contract"):
/// a call is deduplicated by its idempotency key, and a key whose effect was compensated, or that
/// was compensated before any effect arrived, is retired: a later or late call with it is refused.
/// </summary>
public static class ServiceContract
{
    /// <summary>The error type of a call refused because its key was retired; it is not retried.</summary>
    public const string KeyRetired = "IdempotencyKeyRetired";

    /// <summary>Refuses a call whose key was retired, with a non-retryable error: the call had no effect.</summary>
    /// <param name="operation">What was asked, for the message.</param>
    /// <param name="idempotencyKey">The retired key.</param>
    /// <returns>The exception to throw.</returns>
    public static ApplicationFailureException Retired(string operation, string idempotencyKey) =>
        new($"{operation} refused: key {idempotencyKey} was compensated", KeyRetired, nonRetryable: true);
}
