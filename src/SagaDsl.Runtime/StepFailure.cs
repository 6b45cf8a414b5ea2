using System;
using Temporalio.Exceptions;

namespace SagaDsl.Runtime;

/// <summary>
/// One failed activity of a saga, in the form it is recorded in the saga's result (non-critical
/// steps) or in the failure details (compensations).
/// </summary>
/// <param name="Step">The step's method name.</param>
/// <param name="Activity">The activity that failed.</param>
/// <param name="ErrorType">The application error type, or the failure kind (timeout, cancellation).</param>
/// <param name="Message">The failure's message.</param>
/// <param name="IdempotencyKey">The key of the call that failed, to find its effect in the system it called.</param>
/// <param name="SkippedBecause">
/// Why an operator told the saga to go on without it, when the saga parked it and was told to skip it;
/// otherwise <c>null</c>.
/// </param>
public sealed record StepFailure(string Step, string Activity, string ErrorType, string Message, string? IdempotencyKey = null, string? SkippedBecause = null)
{
    /// <summary>The <see cref="ErrorType"/> of an activity that was cancelled.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>Describes an activity failure.</summary>
    /// <param name="step">The step's method name.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="exception">What the activity failed with.</param>
    /// <param name="idempotencyKey">The key of the call that failed.</param>
    /// <returns>The description.</returns>
    public static StepFailure From(string step, string activity, Exception exception, string? idempotencyKey = null)
    {
        var cause = exception is ActivityFailureException { InnerException: { } inner } ? inner : exception;
        var errorType = cause switch
        {
            ApplicationFailureException application => application.ErrorType ?? nameof(ApplicationFailureException),
            TimeoutFailureException timeout => "Timeout." + timeout.TimeoutType,
            CanceledFailureException => Cancelled,
            _ => cause.GetType().Name,
        };

        // A cancelled activity's cause carries no message of its own; the activity failure says what happened.
        var message = string.IsNullOrEmpty(cause.Message) ? exception.Message : cause.Message;
        return new StepFailure(step, activity, errorType, message, idempotencyKey);
    }
}
