using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.Exploration.World;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Testing.Exploration.Paths;

/// <summary>
/// What the environment can do next on a path that waits: any running activity answers (completes,
/// is refused, fails for good before its effect, fails or times out for good before or after its
/// effect, heeds a cancel request), a started timer fires, a client requests cancellation, alone
/// or together with an answer, or, while the saga waits for an operator, the operator retries or skips
/// what it parked. Each choice is a new path.
/// </summary>
internal static class EnvironmentMoves
{
    private const string InjectedFailure = "InjectedFailure";
    private const string InjectedCrash = "InjectedCrash";
    private const string SkipReason = "taken care of by hand";

    public static IReadOnlyList<PathState> Next(ExplorationContext context, PathState path)
    {
        if (path.Moves >= context.Bounds.MaximumMoves)
        {
            context.Broken(ViolationKind.Stuck, "moves", $"the saga did not end within {context.Bounds.MaximumMoves} answers of the environment", path);
            return Array.Empty<PathState>();
        }

        if (!path.Activities.Any(activity => activity.WorkflowWaits && !activity.Closed) && path.WaitingForOperator.Count == 0)
        {
            context.Broken(ViolationKind.Stuck, "waiting", "the workflow waits, but for nothing: no activity it awaits is running and it waits for no operator, so it never ends", path);
            return Array.Empty<PathState>();
        }

        var next = new List<PathState>();
        foreach (var activity in path.Activities.Where(activity => !activity.Closed))
        {
            next.AddRange(Answers(context, path, activity));
        }

        // A timer fires when its time has come, whatever else runs: before, between or after any answer.
        foreach (var timer in path.PendingTimers)
        {
            next.Add(Fires(path, timer, deadline: timer.Seq == 1 && timer.Delay == context.Definition.Deadline));
        }

        if (!path.CancelRequested && path.Cancels < context.Bounds.Cancels)
        {
            next.Add(CancelRequested(path));
        }

        foreach (var parked in path.WaitingForOperator)
        {
            next.Add(path.Fork().Updated($"an operator told the saga to retry {Parked(context, parked)}", "Retry", parked.Step));
            if (CanSkip(context, parked))
            {
                next.Add(path.Fork().Updated($"an operator told the saga to skip {Parked(context, parked)} (\"{SkipReason}\")", "Skip", parked.Step, SkipReason));
            }
        }

        return next;
    }

    /// <summary>
    /// An operator may skip any compensation, and a step after the pivot whose result nothing needs; a
    /// skip of anything else is refused by the saga's validator and never reaches its history.
    /// </summary>
    private static bool CanSkip(ExplorationContext context, StepFailure parked) =>
        context.Definition.Steps.Any(step => step.Compensation?.Activity == parked.Activity || (step.Activity == parked.Activity && step.ResultType is null));

    private static string Parked(ExplorationContext context, StepFailure parked) =>
        context.Definition.Steps.Any(step => step.Compensation?.Activity == parked.Activity) ? $"the compensation of {parked.Step}" : parked.Step;

    private static IEnumerable<PathState> Answers(ExplorationContext context, PathState path, ActivityRun activity)
    {
        foreach (var (basis, prelude) in Races(context, path, activity))
        {
            var running = basis.Activity(activity.Seq)!;
            if (Completes(context, basis, running, prelude, cancelToo: false) is { } completed)
            {
                yield return completed;
            }

            // A cancel that reaches the server while it records the answer arrives in the same
            // workflow task: the workflow learns both at once, between this step and the next.
            if (basis.Cancels < context.Bounds.Cancels && !basis.CancelRequested && Completes(context, basis, running, prelude, cancelToo: true) is { } completedThenCancelled)
            {
                yield return completedThenCancelled;
            }

            // The core accepts only a completion for an activity the workflow abandoned.
            if (running.Abandoned)
            {
                continue;
            }

            if (running.CancelRequestEvent is { } request)
            {
                yield return Heeds(basis, running, request, prelude);
            }

            if (basis.Faults >= context.Bounds.Faults)
            {
                continue;
            }

            if (!running.Landed)
            {
                yield return Fails(basis, running, prelude);
            }

            var mayLand = !running.Landed && basis.Ask(running.Call, context.World).Accepted;
            foreach (var end in Uncertain(running))
            {
                yield return EndsUncertain(context, basis, running, end, land: false, prelude);
                if (mayLand)
                {
                    yield return EndsUncertain(context, basis, running, end, land: true, prelude);
                }
            }
        }
    }

    /// <summary>
    /// A compensation may run while the step it undoes still runs after a cancel. Whether the step's
    /// effect lands just before the compensation or not at all decides what the compensation finds.
    /// </summary>
    private static IEnumerable<(PathState Basis, string? Prelude)> Races(ExplorationContext context, PathState path, ActivityRun activity)
    {
        yield return (path, null);
        if (activity.Call.Kind != SagaCallKind.Compensation || activity.Landed)
        {
            yield break;
        }

        var step = path.Activities.FirstOrDefault(other => other.InFlight && other.Call.Kind == SagaCallKind.Step && other.Call.Step == activity.Call.Step
            && IdempotencyKey.ForCompensation(other.Call.IdempotencyKey) == activity.Call.IdempotencyKey);
        if (step is not null && path.Ask(step.Call, context.World).Accepted)
        {
            var raced = path.Fork();
            raced.Land(step, context.World);
            yield return (raced, $"{step.Label} took effect while still running (key {step.Call.IdempotencyKey}); then ");
        }
    }

    private static PathState? Completes(ExplorationContext context, PathState path, ActivityRun activity, string? prelude, bool cancelToo)
    {
        var next = path.Fork();
        var late = activity.CancelRequestEvent is null ? string.Empty : " after the cancel request";
        string line;
        try
        {
            if (activity.Landed)
            {
                next.History.RecordCompleted(activity.ScheduledEvent, activity.Result);
                line = $"{activity.Label} completed{late}";
            }
            else
            {
                var answer = next.Land(activity, context.World);
                if (answer.Accepted)
                {
                    next.History.RecordCompleted(activity.ScheduledEvent, answer.Result);
                    line = $"{activity.Label} completed{late} and took effect";
                }
                else
                {
                    next.History.RecordFailed(activity.ScheduledEvent, WorldAnswer.RejectedErrorType, answer.Rejection ?? "refused", 1, nonRetryable: true, activity.CancelRequestEvent is not null);
                    line = $"{activity.Label} was refused by the service: {answer.Rejection}";
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Violated(ViolationKind.PayloadLost, activity.Label + " result", $"{activity.Label}'s result cannot be written by the payload converter ({e.GetType().Name}: {e.Message}): the activity's completion fails on a real worker", path);
            return null;
        }

        if (cancelToo)
        {
            next.History.RecordCancelRequested();
            next.RequestCancel();
            line += ", and a client requested cancellation in the same moment";
        }

        return Closed(next, activity.Seq).Moved(prelude + line, fault: false);
    }

    private static PathState Heeds(PathState path, ActivityRun activity, long request, string? prelude)
    {
        var next = path.Fork();
        next.History.RecordCanceled(activity.ScheduledEvent, request, started: true);
        var effect = activity.Landed ? ", its effect already taken" : string.Empty;
        return Closed(next, activity.Seq).Moved($"{prelude}{activity.Label} heeded the cancel request and ended cancelled{effect}", fault: false);
    }

    private static PathState Fails(PathState path, ActivityRun activity, string? prelude)
    {
        var next = path.Fork();
        next.History.RecordFailed(activity.ScheduledEvent, InjectedFailure, "failed for good before taking effect", 1, nonRetryable: true, activity.CancelRequestEvent is not null);
        return Closed(next, activity.Seq).Moved($"{prelude}{activity.Label} failed with a non-retryable error, before taking effect", fault: true);
    }

    private static PathState EndsUncertain(ExplorationContext context, PathState path, ActivityRun activity, UncertainEnd end, bool land, string? prelude)
    {
        var next = path.Fork();
        if (land)
        {
            next.Land(activity, context.World);
        }

        var attempts = Math.Max(1, activity.Shape.MaximumAttempts);
        if (end.Timeout is { } timeout)
        {
            next.History.RecordTimedOut(activity.ScheduledEvent, timeout, attempts, Array.Empty<object?>(), activity.CancelRequestEvent is not null);
        }
        else
        {
            next.History.RecordFailed(activity.ScheduledEvent, InjectedCrash, "crashed on every attempt", attempts, nonRetryable: false, activity.CancelRequestEvent is not null);
        }

        var effect = land || activity.Landed ? $"after taking effect (key {activity.Call.IdempotencyKey})" : "before taking effect";
        Closed(next, activity.Seq);
        if (end.Timeout is not null && !land && !activity.Landed)
        {
            next.Replace(next.Activity(activity.Seq)! with { MayStillLand = true });
            effect += ", its attempt possibly still running";
        }

        return next.Moved($"{prelude}{activity.Label} {end.Description} {effect}", fault: true);
    }

    private static PathState Fires(PathState path, TimerRun timer, bool deadline)
    {
        var next = path.Fork();
        next.History.RecordTimerFired(timer.StartedEvent, timer.Seq);
        next.Fired(timer, deadline);
        var running = path.Activities.Where(activity => activity.WorkflowWaits && !activity.Closed).Select(activity => activity.Label).ToList();
        return next.Moved($"the timer of {timer.Delay} fired" + (running.Count == 0 ? string.Empty : " while " + string.Join(" and ", running) + " ran"), fault: false);
    }

    private static PathState CancelRequested(PathState path)
    {
        var next = path.Fork();
        next.History.RecordCancelRequested();
        next.RequestCancel();
        var running = path.Activities.Where(activity => activity.WorkflowWaits && !activity.Closed).Select(activity => activity.Label).ToList();
        return next.Moved(running.Count == 0 ? "a client requested cancellation" : "a client requested cancellation while " + string.Join(" and ", running) + " ran", fault: false);
    }

    private static PathState Closed(PathState path, int seq)
    {
        path.Replace(path.Activity(seq)! with { Closed = true, WorkflowWaits = false });
        return path;
    }

    /// <summary>The ways an activity can end without saying whether it took effect, as its options allow them to reach the workflow.</summary>
    private static IEnumerable<UncertainEnd> Uncertain(ActivityRun activity)
    {
        if (activity.Shape.AttemptsLimited)
        {
            yield return new UncertainEnd(null, "failed on every attempt with a retryable error");
            yield return new UncertainEnd(ActivityTimeout.StartToClose, "timed out on its last attempt");
        }

        if (activity.Shape.HasScheduleToClose)
        {
            yield return new UncertainEnd(ActivityTimeout.ScheduleToClose, "ran out of its schedule-to-close time");
        }

        if (activity.Shape.HasHeartbeat && activity.Shape.AttemptsLimited)
        {
            yield return new UncertainEnd(ActivityTimeout.Heartbeat, "stopped heartbeating on its last attempt");
        }
    }

    private sealed record UncertainEnd(ActivityTimeout? Timeout, string Description);
}
