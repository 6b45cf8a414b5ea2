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
public sealed record StepFailure(string Step, string Activity, string ErrorType, string Message)
{
    /// <summary>Describes an activity failure.</summary>
    /// <param name="step">The step's method name.</param>
    /// <param name="activity">The activity.</param>
    /// <param name="exception">What the activity failed with.</param>
    /// <returns>The description.</returns>
    public static StepFailure From(string step, string activity, Exception exception)
    {
        var cause = exception is ActivityFailureException { InnerException: { } inner } ? inner : exception;
        var errorType = cause switch
        {
            ApplicationFailureException application => application.ErrorType ?? nameof(ApplicationFailureException),
            TimeoutFailureException timeout => "Timeout." + timeout.TimeoutType,
            _ => cause.GetType().Name,
        };
        return new StepFailure(step, activity, errorType, cause.Message);
    }
}
