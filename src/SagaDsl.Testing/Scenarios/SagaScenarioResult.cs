using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.Replay;
using Temporalio.Exceptions;

namespace SagaDsl.Testing.Scenarios;

/// <summary>What a scenario's replay showed, next to what the saga must do.</summary>
public sealed class SagaScenarioResult
{
    private readonly ExpectedRun expected;

    private SagaScenarioResult(string name, ExpectedRun expected, ReplayedRun replayed, SagaOutcome outcome, IReadOnlyList<string> mismatches)
    {
        Name = name;
        this.expected = expected;
        Replayed = replayed;
        Outcome = outcome;
        Mismatches = mismatches;
    }

    /// <summary>Gets the scenario's name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the workflow did exactly what the saga must: same commands, same outcome, same recorded failures.</summary>
    public bool Verified => Mismatches.Count == 0;

    /// <summary>Gets each difference between what the workflow did and what it must do, in words.</summary>
    public IReadOnlyList<string> Mismatches { get; }

    /// <summary>Gets the activities the workflow scheduled, in order, with arguments and idempotency keys.</summary>
    public IReadOnlyList<SagaCall> Calls => Replayed.Calls;

    /// <summary>Gets how the workflow ended.</summary>
    public SagaOutcome Outcome { get; }

    /// <summary>Gets how a correct saga ends in this scenario.</summary>
    public SagaOutcome ExpectedOutcome => expected.Outcome;

    /// <summary>Gets the workflow's result when it completed.</summary>
    public object? Result => Replayed.Result;

    /// <summary>Gets what the workflow failed or was cancelled with.</summary>
    public Exception? Failure => Replayed.Failure;

    /// <summary>Gets the <c>ApplicationFailure</c> error type the workflow failed with, e.g. <c>SagaCompensated</c>.</summary>
    public string? FailureType => (Replayed.Failure as ApplicationFailureException)?.ErrorType;

    /// <summary>Gets the non-critical steps that failed, from the saga's result.</summary>
    public IReadOnlyList<StepFailure> NonCriticalFailures => (Replayed.Result as ISagaResult)?.NonCriticalFailures ?? Array.Empty<StepFailure>();

    /// <summary>Gets the compensations that failed, from a <c>SagaCompensationFailed</c> failure's details.</summary>
    public IReadOnlyList<StepFailure> CompensationFailures => Reported().Where(failure => !IsStepActivity(failure)).ToList();

    /// <summary>
    /// Gets the steps that may have taken effect and could not be undone, because their compensation
    /// needs the result they never returned: from a <c>SagaOutcomeUncertain</c> or
    /// <c>SagaCompensationFailed</c> failure's details, each with its step's idempotency key.
    /// </summary>
    public IReadOnlyList<StepFailure> Owed => Reported().Where(IsStepActivity).ToList();

    /// <summary>Gets what the saga parked for an operator, from its status, when it waits for one.</summary>
    public IReadOnlyList<StepFailure> WaitingForOperator => Outcome == SagaOutcome.WaitingForOperator ? Replayed.Status!.WaitingForOperator : Array.Empty<StepFailure>();

    /// <summary>Gets the steps the saga compensated, from a <c>SagaCompensated</c> failure's details.</summary>
    public IReadOnlyList<string> CompensatedSteps => FirstDetail<string[]>(SagaFailureTypes.Compensated) ?? Array.Empty<string>();

    /// <summary>Gets the workflow's search attributes when its run ended, name to value.</summary>
    public IReadOnlyDictionary<string, object> SearchAttributes => Replayed.SearchAttributes;

    /// <summary>Gets the history the scenario replayed; <c>History.ToJson()</c> keeps it as a fixture for replay tests of later versions.</summary>
    public Temporalio.Common.WorkflowHistory History => expected.History;

    /// <summary>Gets the replay's record.</summary>
    public ReplayedRun Replayed { get; }

    /// <summary>Gets a side-by-side report of the expected and actual calls and outcome, with every mismatch.</summary>
    public string Report => ScenarioReport.Write(this, expected);

    /// <summary>Throws with <see cref="Report"/> unless the scenario is verified.</summary>
    /// <returns>This result, to assert on further.</returns>
    /// <exception cref="SagaScenarioException">The workflow did not do what the saga must.</exception>
    public SagaScenarioResult EnsureVerified() => Verified ? this : throw new SagaScenarioException(Report);

    internal static SagaScenarioResult Compare(string name, ExpectedRun expected, ReplayedRun replayed)
    {
        var outcome = OutcomeOf(replayed);
        var mismatches = new List<string>();
        if (replayed.ReplayFailure is { } replayFailure)
        {
            mismatches.Add("the Temporal replayer rejected the workflow's commands: " + FirstLine(replayFailure));
        }

        var keys = new ScenarioKeys(expected.WorkflowId, replayed.Calls);
        CompareCalls(expected.Calls, replayed.Calls, keys, mismatches);
        if (outcome != expected.Outcome)
        {
            mismatches.Add($"the saga must end {expected.Outcome}; it ended {outcome}{(replayed.Failure is { } failure ? " (" + failure.GetType().Name + ": " + failure.Message + ")" : string.Empty)}");
        }

        var result = new SagaScenarioResult(name, expected, replayed, outcome, mismatches);
        CompareFailures("non-critical failures", expected.NonCriticalFailures, result.NonCriticalFailures, keys, mismatches);
        CompareFailures("failed compensations", expected.CompensationFailures, result.CompensationFailures, keys, mismatches);
        CompareFailures("steps owed", expected.Owed, result.Owed, keys, mismatches);
        CompareFailures("what waits for an operator", expected.WaitingForOperator, result.WaitingForOperator, keys, mismatches);
        if (expected.Outcome == SagaOutcome.Compensated && outcome == SagaOutcome.Compensated && !expected.CompensatedSteps.SequenceEqual(result.CompensatedSteps))
        {
            mismatches.Add($"the failure must list the compensated steps [{string.Join(", ", expected.CompensatedSteps)}]; it lists [{string.Join(", ", result.CompensatedSteps)}]");
        }

        ComparePhaseAttribute(expected, replayed, mismatches);
        return result;
    }

    /// <summary>
    /// What visibility shows of a run that ended: the phase attribute holds the phase the saga ended in,
    /// under the name its shape keeps it, where the people who run the saga look for it.
    /// </summary>
    private static void ComparePhaseAttribute(ExpectedRun expected, ReplayedRun replayed, List<string> mismatches)
    {
        var ended = replayed.Result is not null || replayed.Failure is not null;
        if (expected.PhaseSearchAttribute is not { } attribute || !ended)
        {
            return;
        }

        var want = expected.PublishedPhase.ToString();
        var got = replayed.SearchAttributes.TryGetValue(attribute, out var value) ? value as string : null;
        if (got != want)
        {
            var others = replayed.SearchAttributes.Where(pair => pair.Key != attribute && pair.Value is string text && System.Enum.IsDefined(typeof(SagaPhase), text)).Select(static pair => pair.Key + " = " + pair.Value).ToList();
            mismatches.Add($"the {attribute} search attribute must read {want} when the run ends; it reads {got ?? "nothing"}{(others.Count > 0 ? " (the phase went to " + string.Join(", ", others) + ")" : string.Empty)}");
        }
    }

    private static void CompareCalls(IReadOnlyList<ExpectedCall> expected, IReadOnlyList<SagaCall> actual, ScenarioKeys keys, List<string> mismatches)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var number = i + 1;
            if (i >= actual.Count)
            {
                mismatches.Add($"call {number}: the saga must schedule {expected[i].Activity}; the workflow scheduled nothing more");
                continue;
            }

            if (i >= expected.Count)
            {
                mismatches.Add($"call {number}: the workflow scheduled {actual[i].Activity}, which the saga must not");
                continue;
            }

            var (want, got) = (expected[i], actual[i]);
            if (want.Activity != got.Activity)
            {
                mismatches.Add($"call {number}: the saga must schedule {want.Activity}; the workflow scheduled {got.Activity}");
                continue;
            }

            Check(mismatches, want.TaskQueue == got.TaskQueue, $"call {number} ({want.Activity}): task queue must be {want.TaskQueue}, was {got.TaskQueue}");
            Check(mismatches, want.IdempotencyKey == keys.Read(got.IdempotencyKey), $"call {number} ({want.Activity}): idempotency key must be {want.IdempotencyKey} (… the scope its step ran with), was {got.IdempotencyKey}");
            Check(mismatches, want.Detached == got.Detached, $"call {number} ({want.Activity}): must {(want.Detached ? string.Empty : "not ")}be detached from the workflow's cancellation");
        }

        // The replayer accepts commands spread over workflow tasks differently, so the grouping
        // (all parallel compensations at once, each sequential one after the previous) is checked here.
        var pairs = Math.Min(expected.Count, actual.Count);
        for (var i = 1; i < pairs; i++)
        {
            var together = expected[i].WorkflowTask == expected[i - 1].WorkflowTask;
            if (together != (actual[i].HistoryLength == actual[i - 1].HistoryLength))
            {
                mismatches.Add($"calls {i} and {i + 1} ({expected[i - 1].Activity}, {expected[i].Activity}) must be scheduled {(together ? "in the same workflow task" : "one after the other")}");
            }
        }
    }

    private static void CompareFailures(string what, IReadOnlyList<StepFailure> expected, IReadOnlyList<StepFailure> actual, ScenarioKeys keys, List<string> mismatches)
    {
        var read = actual.Select(failure => failure.IdempotencyKey is null ? failure : failure with { IdempotencyKey = keys.Read(failure.IdempotencyKey) });
        if (!expected.SequenceEqual(read))
        {
            mismatches.Add($"{what} must be [{string.Join("; ", expected)}]; were [{string.Join("; ", actual)}]");
        }
    }

    private static void Check(List<string> mismatches, bool holds, string mismatch)
    {
        if (!holds)
        {
            mismatches.Add(mismatch);
        }
    }

    private static SagaOutcome OutcomeOf(ReplayedRun run) => run.Failure switch
    {
        null when run.Result is not null => SagaOutcome.Completed,
        null => run.Status?.Phase == SagaPhase.WaitingForOperator ? SagaOutcome.WaitingForOperator : SagaOutcome.Other,
        ApplicationFailureException { ErrorType: SagaFailureTypes.Compensated } => SagaOutcome.Compensated,
        ApplicationFailureException { ErrorType: SagaFailureTypes.CompensationFailed } => SagaOutcome.CompensationFailed,
        ApplicationFailureException { ErrorType: SagaFailureTypes.FailedAfterPivot } => SagaOutcome.FailedAfterPivot,
        ApplicationFailureException { ErrorType: SagaFailureTypes.OutcomeUncertain } => SagaOutcome.OutcomeUncertain,
        var failure when TemporalException.IsCanceledException(failure) => SagaOutcome.Cancelled,
        _ => SagaOutcome.Other,
    };

    private static string FirstLine(Exception exception)
    {
        var text = exception.InnerException is { } inner ? exception.Message + " " + inner.Message : exception.Message;
        var end = text.IndexOf('\n');
        return end < 0 ? text : text.Substring(0, end).TrimEnd();
    }

    /// <summary>The failed compensations and the steps owed, as the saga's failure lists them, or its status while it waits for an operator.</summary>
    private IReadOnlyList<StepFailure> Reported() =>
        Outcome == SagaOutcome.WaitingForOperator
            ? Replayed.Status!.FailedCompensations.Concat(Replayed.Status.Owed).ToList()
            : FirstDetail<StepFailure[]>(SagaFailureTypes.CompensationFailed) ?? FirstDetail<StepFailure[]>(SagaFailureTypes.OutcomeUncertain) ?? Array.Empty<StepFailure>();

    private bool IsStepActivity(StepFailure failure) => expected.Calls.Any(call => call.Kind == SagaCallKind.Step && call.Activity == failure.Activity);

    private T? FirstDetail<T>(string errorType)
        where T : class =>
        Replayed.Failure is ApplicationFailureException failure && failure.ErrorType == errorType && failure.Details.Count > 0
            ? failure.Details.ElementAt<object?>(0) as T
            : null;
}
