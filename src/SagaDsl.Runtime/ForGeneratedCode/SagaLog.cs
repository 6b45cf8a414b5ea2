using System;
using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace SagaDsl.Runtime;

/// <summary>
/// The saga's structured log events. Generated workflows write them through
/// <c>Workflow.Logger</c>, which Temporal silences while replaying, so each event is logged once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SagaLog
{
    private static readonly Action<ILogger, string, string, Exception?> StepCompletedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(1, "SagaStepCompleted"), "Saga {Saga}: step {Step} completed");

    private static readonly Action<ILogger, string, string, Exception?> PivotPassedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(2, "SagaPivotPassed"), "Saga {Saga}: pivot {Step} completed; nothing before it will be compensated");

    private static readonly Action<ILogger, string, string, Exception?> NonCriticalStepFailedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(3, "SagaNonCriticalStepFailed"), "Saga {Saga}: non-critical step {Step} failed; the saga goes on");

    private static readonly Action<ILogger, string, int, Exception?> CompensatingMessage =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(4, "SagaCompensating"), "Saga {Saga}: compensating {Count} completed step(s)");



    private static readonly Action<ILogger, string, string, Exception?> StepOutcomeUncertainMessage =
        LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(8, "SagaStepOutcomeUncertain"), "Saga {Saga}: step {Step} may have taken effect and its compensation needs its result; manual follow-up needed");

    private static readonly Action<ILogger, string, string, Exception?> PivotUncertainMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(9, "SagaPivotUncertain"), "Saga {Saga}: pivot {Step} ended without a definite answer; asking again with the same key");

    private static readonly Action<ILogger, string, string, int, Exception?> CompensationRetryingMessage =
        LoggerMessage.Define<string, string, int>(LogLevel.Error, new EventId(10, "SagaCompensationRetrying"), "Saga {Saga}: compensation of step {Step} used up its attempts {Rounds} time(s) without an answer; running it again with the same key");

    private static readonly Action<ILogger, string, TimeSpan, string, Exception?> DeadlinePassedMessage =
        LoggerMessage.Define<string, TimeSpan, string>(LogLevel.Warning, new EventId(11, "SagaDeadlinePassed"), "Saga {Saga}: its deadline of {Deadline} passed; {Consequence}");

    // Event ids 5 (SagaCompensationFailed) and 6 (SagaFailedAfterPivot) are retired: what they reported now parks the saga (event 12).
    private static readonly Action<ILogger, string, string, string, Exception?> WaitingForOperatorMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Error, new EventId(12, "SagaWaitingForOperator"), "Saga {Saga}: {Activity} for step {Step} failed for good; the saga waits for an operator to retry or skip it");

    private static readonly Action<ILogger, string, string, SagaOperatorDecision, string, Exception?> OperatorDecidedMessage =
        LoggerMessage.Define<string, string, SagaOperatorDecision, string>(LogLevel.Warning, new EventId(13, "SagaOperatorDecided"), "Saga {Saga}: an operator decided to {Decision} step {Step}. {Reason}");

    private static readonly Action<ILogger, string, int, Exception?> CompletedMessage =
        LoggerMessage.Define<string, int>(LogLevel.Information, new EventId(7, "SagaCompleted"), "Saga {Saga} completed with {WarningCount} non-critical failure(s)");

    /// <summary>Logs that a step completed.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The step.</param>
    public static void StepCompleted(ILogger logger, string saga, string step) => StepCompletedMessage(logger, saga, step, null);

    /// <summary>Logs that the pivot completed.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The pivot step.</param>
    public static void PivotPassed(ILogger logger, string saga, string step) => PivotPassedMessage(logger, saga, step, null);

    /// <summary>Logs that a non-critical step failed.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The step.</param>
    /// <param name="failure">The step's failure.</param>
    public static void NonCriticalStepFailed(ILogger logger, string saga, string step, Exception failure) => NonCriticalStepFailedMessage(logger, saga, step, failure);

    /// <summary>Logs that compensation starts.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="count">How many compensations run.</param>
    /// <param name="cause">Why the saga compensates.</param>
    public static void Compensating(ILogger logger, string saga, int count, Exception cause) => CompensatingMessage(logger, saga, count, cause);

    /// <summary>Logs that a compensation ended without a definite answer and runs again.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The step whose compensation runs again.</param>
    /// <param name="rounds">How many times its attempts were used up so far.</param>
    /// <param name="failure">How the last round ended.</param>
    public static void CompensationRetrying(ILogger logger, string saga, string step, int rounds, Exception failure) => CompensationRetryingMessage(logger, saga, step, rounds, failure);

    /// <summary>Logs that the saga's deadline passed, and what follows from it.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="consequence">What the saga does about it.</param>
    public static void DeadlinePassed(ILogger logger, string saga, TimeSpan deadline, string consequence) => DeadlinePassedMessage(logger, saga, deadline, consequence, null);

    /// <summary>Logs that a step or compensation failed for good and the saga waits for an operator.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The step, or the step whose compensation failed.</param>
    /// <param name="activity">The activity that failed.</param>
    /// <param name="failure">How it failed.</param>
    public static void WaitingForOperator(ILogger logger, string saga, string step, string activity, Exception failure) => WaitingForOperatorMessage(logger, saga, step, activity, failure);

    /// <summary>Logs an operator's decision about what the saga parked.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The step, or the step whose compensation was parked.</param>
    /// <param name="decision">What the operator decided.</param>
    /// <param name="reason">Why, for a skip; empty for a retry.</param>
    public static void OperatorDecided(ILogger logger, string saga, string step, SagaOperatorDecision decision, string reason) => OperatorDecidedMessage(logger, saga, step, decision, reason, null);

    /// <summary>Logs that a step may have taken effect and cannot be undone, since its compensation needs its result.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The step.</param>
    /// <param name="failure">How the step ended.</param>
    public static void StepOutcomeUncertain(ILogger logger, string saga, string step, Exception failure) => StepOutcomeUncertainMessage(logger, saga, step, failure);

    /// <summary>Logs that the pivot ended without a definite answer and runs again.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="step">The pivot step.</param>
    /// <param name="failure">How the pivot ended.</param>
    public static void PivotUncertain(ILogger logger, string saga, string step, Exception failure) => PivotUncertainMessage(logger, saga, step, failure);

    /// <summary>Logs that the saga completed.</summary>
    /// <param name="logger">The workflow logger.</param>
    /// <param name="saga">The saga.</param>
    /// <param name="warningCount">How many non-critical steps failed.</param>
    public static void Completed(ILogger logger, string saga, int warningCount) => CompletedMessage(logger, saga, warningCount, null);
}
