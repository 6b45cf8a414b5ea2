using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Testing.Exploration.Checking;
using SagaDsl.Testing.Exploration.Driving;
using SagaDsl.Testing.Exploration.World;
using SagaDsl.Testing.Replay;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Exploration.Paths;

/// <summary>
/// Writes into a path what the workflow did in its open task, as the server would record it:
/// patch markers, scheduled activities, started timers, cancel requests, upserts, and the workflow's end. A cancel request forks
/// the path, since the server answers it differently for an activity that is running and one that is not.
/// </summary>
internal static class WorkflowCommands
{
    /// <summary>Applies the observation of the path's open task.</summary>
    /// <returns>The paths that go on; an ended or broken path goes on in none.</returns>
    public static IReadOnlyList<PathState> Apply(ExplorationContext context, PathState path, TaskObservation observation)
    {
        if (!Replayed(context, path, observation))
        {
            return Array.Empty<PathState>();
        }

        var now = observation.Commands.Where(command => InOpenTask(path, observation, command)).ToList();
        if (now.OfType<UnmodelledCommand>().FirstOrDefault() is { } unmodelled)
        {
            context.Broken(ViolationKind.Unmodelled, unmodelled.What, $"the workflow uses {unmodelled.What}, which the explorer does not model: paths past it are not checked", path);
            return Array.Empty<PathState>();
        }

        var scheduledNow = new HashSet<int>(now.OfType<ScheduledActivity>().Select(command => command.Seq));
        var neverSent = new HashSet<int>(now.OfType<ActivityTokenCancelled>().Select(command => command.Seq).Where(scheduledNow.Contains));
        var after = path.Fork();
        var update = after.TakeOpenUpdate();
        if (update is null)
        {
            after.History.CompleteWorkflowTask();
        }

        // The probe sees a patch only when the task has ended, so its marker is written before the task's
        // other commands: right for a workflow that decides its version first, as a task boundary does.
        foreach (var patch in now.OfType<PatchRecorded>())
        {
            after.History.Patched(patch.PatchId);
            after.Note($"the workflow turned patch {patch.PatchId} on");
        }

        IReadOnlyList<PathState> branches = new[] { after };
        foreach (var command in now)
        {
            switch (command)
            {
                case SearchAttributesUpserted:
                    foreach (var branch in branches)
                    {
                        branch.History.UpsertedSearchAttributes();
                    }

                    break;
                case ScheduledActivity scheduled:
                    var call = CallOf(context, path, scheduled);
                    foreach (var branch in branches)
                    {
                        Schedule(branch, scheduled, call, neverSent.Contains(scheduled.Seq));
                    }

                    break;
                case StartedTimer timer:
                    foreach (var branch in branches)
                    {
                        branch.Add(new TimerRun(timer.Seq, branch.History.RecordTimerStarted(timer.Seq, timer.Delay), timer.Delay));
                        branch.Note($"a timer of {timer.Delay} started");
                    }

                    break;
                case UpdateFinished finished when update is { } accepted && accepted.Id == finished.UpdateId:
                    foreach (var branch in branches)
                    {
                        branch.History.RecordUpdateCompleted(accepted.Accepted, finished.Failure is null ? null : context.Converter.FailureConverter.ToFailure(finished.Failure, context.Converter.PayloadConverter));
                        branch.Note(finished.Failure is null ? "the workflow took the operator's decision" : $"the workflow refused the operator's decision: {finished.Failure.Message}");
                    }

                    break;
                case ActivityTokenCancelled cancelled when !neverSent.Contains(cancelled.Seq):
                    branches = branches.SelectMany(branch => Cancel(context, branch, cancelled.Seq)).ToList();
                    break;
            }
        }

        var waiting = observation.Status is { Phase: SagaDsl.Runtime.SagaPhase.WaitingForOperator } status ? status.WaitingForOperator : System.Array.Empty<SagaDsl.Runtime.StepFailure>();
        foreach (var branch in branches)
        {
            branch.WaitingForOperator = waiting;
        }

        if (observation.End is { } end)
        {
            foreach (var branch in branches)
            {
                Ends.Finish(context, branch, end);
            }

            return Array.Empty<PathState>();
        }

        return branches;
    }

    /// <summary>Reports what replaying the prefix showed about its earlier tasks; false when the path cannot go on.</summary>
    private static bool Replayed(ExplorationContext context, PathState path, TaskObservation observation)
    {
        if (observation.ReplayFailure is { } replay)
        {
            context.Broken(ViolationKind.Nondeterminism, "replay", "replaying the workflow's own history fails: " + replay.Message, path);
            return false;
        }

        if (observation.TaskFailure is { } failure)
        {
            context.Broken(ViolationKind.Stuck, "workflow task", $"a workflow task fails ({failure.GetType().Name}: {failure.Message}); Temporal retries it for ever and the saga is stuck", path);
            return false;
        }

        if (path.Moves == 0 && context.Input is { } input && StructuralDifference.Between(input, observation.DecodedInput) is { } inputLost)
        {
            context.Violated(ViolationKind.PayloadLost, "input", "the saga's input does not survive the payload converter: " + inputLost, path);
        }

        foreach (var replayed in observation.Commands.OfType<ScheduledActivity>().Where(command => command.HistoryLength < observation.PrefixLength))
        {
            var known = path.Activity(replayed.Seq);
            if (known is null && !path.WasNeverSent(replayed.Seq))
            {
                context.Broken(ViolationKind.Nondeterminism, "replay", $"on replay the workflow scheduled {replayed.Activity} where its history has no activity", path);
                return false;
            }

            if (known is null)
            {
                continue;
            }

            var changed = known.Call.Activity != replayed.Activity
                ? $"activity {known.Call.Activity} became {replayed.Activity}"
                : StructuralDifference.Between(known.Arguments, replayed.Arguments);
            if (changed is not null)
            {
                context.Violated(ViolationKind.KeyChangedOnReplay, known.Label, $"{known.Label} was scheduled differently when the workflow replayed ({changed}): a retry after a worker restart would not be the same call", path);
            }
        }

        foreach (var decoded in observation.DecodedResults)
        {
            if (path.Activity(decoded.Key) is { Landed: true, Closed: true } done && StructuralDifference.Between(done.Result, decoded.Value) is { } changed)
            {
                context.Violated(ViolationKind.PayloadLost, done.Label + " result", $"{done.Label}'s result does not survive the payload converter ({changed}): the workflow and later steps work with another value", path);
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a recorded command belongs to the task the prefix leaves open. Cancellation callbacks
    /// carry no history length: a cancel is new when the activity is still awaited and never had one.
    /// </summary>
    private static bool InOpenTask(PathState path, TaskObservation observation, ObservedCommand command) => command switch
    {
        ActivityTokenCancelled cancelled => path.Activity(cancelled.Seq) is null
            ? observation.Commands.OfType<ScheduledActivity>().Any(scheduled => scheduled.Seq == cancelled.Seq && scheduled.HistoryLength == observation.PrefixLength)
            : path.Activity(cancelled.Seq) is { WorkflowWaits: true, CancelRequestEvent: null, Abandoned: false, Closed: false },
        _ => command.HistoryLength == observation.PrefixLength,
    };

    private static WorldCall CallOf(ExplorationContext context, PathState path, ScheduledActivity scheduled)
    {
        var (data, key) = SagaActivities.Split(scheduled.Arguments);
        var (kind, step) = context.Identify(scheduled.Activity, key);
        var decoded = new List<object?>();
        foreach (var argument in data)
        {
            var (value, error) = argument is null ? (null, null) : PayloadRoundTrip.Through(context.Converter, argument, argument.GetType());
            if ((error ?? StructuralDifference.Between(argument, value)) is { } lost)
            {
                context.Violated(ViolationKind.PayloadLost, $"{scheduled.Activity} argument {decoded.Count + 1}", $"argument {decoded.Count + 1} of {SagaCall.LabelOf(kind, step, scheduled.Activity)} does not survive the payload converter: {lost}", path);
            }

            decoded.Add(error is null ? value : argument);
        }

        return new WorldCall(kind, step, scheduled.Activity, key, decoded);
    }

    private static void Schedule(PathState path, ScheduledActivity scheduled, WorldCall call, bool neverSent)
    {
        if (neverSent)
        {
            path.NeverSent(scheduled.Seq);
            path.Note($"{call.Label} scheduled and cancelled in the same workflow task: never sent");
            return;
        }

        var scheduledEvent = path.History.Schedule(scheduled.Activity, scheduled.TaskQueue, scheduled.ActivityId);
        path.Add(new ActivityRun(scheduled.Seq, scheduledEvent, call, scheduled.Arguments, scheduled.Shape));
        path.Note($"{call.Label} scheduled (key {call.IdempotencyKey})");
    }

    /// <summary>
    /// The workflow cancels an activity. With Abandon no request is sent; otherwise the server records
    /// the request and, when no attempt is running (not yet started, or between two attempts), cancels
    /// the activity at once: an earlier attempt may have taken effect by then.
    /// </summary>
    private static IEnumerable<PathState> Cancel(ExplorationContext context, PathState path, int seq)
    {
        var activity = path.Activity(seq)!;
        if (activity.Shape.CancellationType == ActivityCancellationType.Abandon)
        {
            path.Replace(activity with { WorkflowWaits = false, Abandoned = true });
            path.Note($"the workflow abandoned {activity.Label}; it runs on");
            yield return path;
            yield break;
        }

        var waits = activity.Shape.CancellationType == ActivityCancellationType.WaitCancellationCompleted;
        var request = path.History.RecordActivityCancelRequested(activity.ScheduledEvent);
        path.Replace(activity with { CancelRequestEvent = request, WorkflowWaits = waits });
        path.Note(waits
            ? $"the workflow asked to cancel {activity.Label} and waits for its answer"
            : $"the workflow asked to cancel {activity.Label} and stopped waiting for it (TryCancel)");

        var idle = path.Fork();
        CancelledAtOnce(idle, seq, request, $"{activity.Label} was not running: the server cancelled it at once");
        if (activity.Shape.Retries && !activity.Landed && path.Faults < context.Bounds.Faults && path.Ask(activity.Call, context.World).Accepted)
        {
            var betweenAttempts = path.Fork();
            betweenAttempts.Land(activity, context.World);
            betweenAttempts.Fault();
            CancelledAtOnce(betweenAttempts, seq, request, $"{activity.Label} was waiting to retry after an attempt that took effect (key {activity.Call.IdempotencyKey}): the server cancelled it at once");
            yield return betweenAttempts;
        }

        yield return path;
        yield return idle;
    }

    private static void CancelledAtOnce(PathState path, int seq, long request, string line)
    {
        var activity = path.Activity(seq)!;
        path.History.RecordCanceled(activity.ScheduledEvent, request, started: false);
        path.Replace(activity with { Closed = true, WorkflowWaits = false });
        path.NewEventsPending = true;
        path.Note(line);
    }
}
