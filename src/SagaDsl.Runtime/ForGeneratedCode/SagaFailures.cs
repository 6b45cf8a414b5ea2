using System;
using System.Collections.Generic;
using System.ComponentModel;
using Temporalio.Api.Enums.V1;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace SagaDsl.Runtime;

/// <summary>The failures and warnings generated saga workflows produce outside compensation.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SagaFailures
{
    /// <summary>
    /// Whether an exception ends the part of a saga before the pivot: an activity that failed after
    /// its retries, or a cancellation. Anything else is a bug in workflow code and is left to fail
    /// the workflow task, so Temporal retries it once the code is fixed.
    /// </summary>
    /// <param name="exception">What a step threw.</param>
    /// <returns>Whether the saga must compensate.</returns>
    public static bool ShouldCompensate(Exception exception) =>
        exception is ActivityFailureException || TemporalException.IsCanceledException(exception);

    /// <summary>
    /// Whether a step's failure is a definite "no": the step took no effect, so there is nothing to
    /// undo. Only three answers are definite: an application error that is not retried (thrown
    /// non-retryable, or of a type the step lists as non-retryable: by the service contract such a
    /// call had no effect), a step never scheduled because the saga was cancelled first, and a
    /// cancelled activity that has a single attempt. Everything else, timeouts, exhausted retries, a
    /// cancel that may have come between two attempts, may have taken effect.
    /// </summary>
    /// <param name="failure">What the step threw.</param>
    /// <param name="maximumAttempts">The step's maximum attempts; 0 retries without limit.</param>
    /// <returns>Whether the step certainly took no effect.</returns>
    public static bool TookNoEffect(Exception failure, int maximumAttempts) => failure switch
    {
        // After a cancel request the server reports every failure as CancelRequested; the error's own flag still says "no".
        ActivityFailureException { InnerException: ApplicationFailureException { NonRetryable: true } } => true,
        ActivityFailureException { RetryState: RetryState.NonRetryableFailure, InnerException: ApplicationFailureException } => true,
        ActivityFailureException { InnerException: CanceledFailureException } => maximumAttempts == 1,
        ActivityFailureException => false,
        _ => TemporalException.IsCanceledException(failure),
    };

    /// <summary>Whether an activity failure leaves open that the step took effect: any other than a definite "no".</summary>
    /// <param name="failure">What the step threw.</param>
    /// <param name="maximumAttempts">The step's maximum attempts; 0 retries without limit.</param>
    /// <returns>Whether the step may have taken effect.</returns>
    public static bool MayHaveTakenEffect(Exception failure, int maximumAttempts) =>
        failure is ActivityFailureException && !TookNoEffect(failure, maximumAttempts);

    /// <summary>Records a non-critical step's failure in the saga's result.</summary>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The step's method name.</param>
    /// <param name="activity">The step's activity name.</param>
    /// <param name="failure">The step's failure.</param>
    /// <param name="warnings">The saga's warnings.</param>
    public static void RecordNonCritical(string saga, string step, string activity, Exception failure, List<StepFailure> warnings)
    {
        SagaLog.NonCriticalStepFailed(Workflow.Logger, saga, step, failure);
        warnings.Add(StepFailure.From(step, activity, failure));
    }
}
