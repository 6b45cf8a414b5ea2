using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.Exploration.Paths;
using SagaDsl.Testing.Exploration.World;
using SagaDsl.Testing.Replay;

namespace SagaDsl.Testing.Exploration.Checking;

/// <summary>
/// The saga's promise, checked on the world a path leaves: every effect is kept by a saga that
/// completed, or undone, or reported as owed. Activities still running when the workflow ended may
/// take effect afterwards; every order in which they can is checked.
/// </summary>
internal static class Invariants
{
    private const int MostLateEffectsOrdered = 4;

    public static void Check(ExplorationContext context, PathState path, string outcome, IReadOnlyCollection<string> owed)
    {
        foreach (var late in LateOrders(path.Activities.Where(activity => activity.InFlight).ToList()))
        {
            var world = path.World(context.World);
            world.WorkflowEnded();
            var epilogue = new List<string>();
            foreach (var activity in late)
            {
                var answer = world.Apply(activity.Call);
                epilogue.Add(answer.Accepted
                    ? $"after the workflow ended, {activity.Label} took effect all the same (key {activity.Call.IdempotencyKey})"
                    : $"after the workflow ended, {activity.Label} ran and was refused: {answer.Rejection}");
            }

            context.WorldsChecked++;
            CheckWorld(context, path, world, outcome, owed, epilogue);
        }

        CheckKeys(context, path);
    }

    private static void CheckWorld(ExplorationContext context, PathState path, SagaWorld world, string outcome, IReadOnlyCollection<string> owed, List<string> epilogue)
    {
        foreach (var problem in world.Problems())
        {
            context.Violated(ViolationKind.WorldProblem, problem, problem, path, epilogue);
        }

        var saga = context.Definition;
        var pivot = saga.Pivot;
        CheckDeadline(context, path, world, epilogue);
        if (outcome == Ends.Completed)
        {
            foreach (var step in saga.Steps.Where(step => step.IsCritical && !world.Holds(step.Name) && !owed.Contains(step.Name)))
            {
                context.Violated(ViolationKind.EffectMissing, step.Name, $"MISSING: the saga completed, but the effect of {step.Name} does not hold, and its result does not report it skipped", path, epilogue);
            }

            return;
        }

        if (pivot is not null && world.Holds(pivot.Name))
        {
            foreach (var step in Undoable(saga).Where(step => !world.Holds(step.Name)))
            {
                context.Violated(ViolationKind.UndoneAfterPivot, step.Name, $"UNDONE AFTER THE PIVOT: {step.Name} was undone although the pivot {pivot.Name} took effect", path, epilogue);
            }

            if (owed.Count == 0)
            {
                context.Violated(ViolationKind.PivotTakenNotReported, pivot.Name, $"NOT REPORTED: the pivot {pivot.Name} took effect, but the saga ended {outcome} without completing and without saying what is owed", path, epilogue);
            }

            foreach (var step in saga.Steps.Where(step => step.IsAfterPivot && step.IsCritical && !world.Holds(step.Name) && !owed.Contains(step.Name)))
            {
                context.Violated(ViolationKind.PivotTakenNotReported, step.Name, $"NOT REPORTED: the pivot {pivot.Name} took effect and {step.Name} never did, but the saga ended {outcome} without reporting it as owed", path, epilogue);
            }

            return;
        }

        foreach (var step in Undoable(saga).Where(step => world.Holds(step.Name) && !owed.Contains(step.Name)))
        {
            context.Violated(ViolationKind.EffectLeftOver, step.Name, $"LEFT OVER: the effect of {step.Name} (key {KeyOf(path, step.Name)}) was never undone, and the saga ended {outcome} without reporting it as owed", path, epilogue);
        }
    }

    /// <summary>
    /// A deadline that passes before the point of no return is scheduled must keep the saga from
    /// reaching it: the pivot, or in a saga without one its last critical step, must not take effect.
    /// </summary>
    private static void CheckDeadline(ExplorationContext context, PathState path, SagaWorld world, List<string> epilogue)
    {
        var saga = context.Definition;
        var pointOfNoReturn = saga.Pivot ?? saga.Steps.LastOrDefault(step => step.IsCritical);
        if (path.DeadlineFiredAtStep is not { } reached || pointOfNoReturn is null)
        {
            return;
        }

        var scheduledBefore = saga.Steps.TakeWhile(step => step != pointOfNoReturn).Count();
        if (reached <= scheduledBefore && world.Holds(pointOfNoReturn.Name))
        {
            context.Violated(ViolationKind.DeadlineIgnored, pointOfNoReturn.Name, $"DEADLINE IGNORED: the deadline of {saga.Deadline} passed before {pointOfNoReturn.Name} was scheduled, yet its effect holds", path, epilogue);
        }
    }

    /// <summary>The steps the saga can undo: every step with a compensation (all of them come before the pivot).</summary>
    private static IEnumerable<SagaStepDefinition> Undoable(SagaDefinition saga) =>
        saga.Steps.Where(step => step.Compensation is not null && !step.IsAfterPivot && !step.IsPivot);

    private static void CheckKeys(ExplorationContext context, PathState path)
    {
        foreach (var shared in path.Activities
            .Where(activity => activity.Call.IdempotencyKey.Length > 0)
            .GroupBy(activity => activity.Call.IdempotencyKey)
            .Where(group => group.Select(activity => (activity.Call.Kind, activity.Call.Step)).Distinct().Count() > 1))
        {
            var labels = string.Join(" and ", shared.Select(activity => activity.Label).Distinct());
            context.Violated(ViolationKind.KeysNotDistinct, shared.Key, $"{labels} share the idempotency key {shared.Key}: a service deduplicating by key treats the second as a repeat of the first", path);
        }
    }

    private static string KeyOf(PathState path, string step) =>
        path.Activities.FirstOrDefault(activity => activity.Call.Kind == SagaCallKind.Step && activity.Call.Step == step)?.Call.IdempotencyKey ?? "never scheduled";

    /// <summary>Every order in which some of the activities still running may take effect after the end, none first.</summary>
    private static IEnumerable<IReadOnlyList<ActivityRun>> LateOrders(List<ActivityRun> running)
    {
        yield return Array.Empty<ActivityRun>();
        if (running.Count > MostLateEffectsOrdered)
        {
            yield return running;
            yield break;
        }

        foreach (var order in Arrangements(running, new List<ActivityRun>()))
        {
            yield return order;
        }
    }

    private static IEnumerable<IReadOnlyList<ActivityRun>> Arrangements(IReadOnlyList<ActivityRun> pool, List<ActivityRun> prefix)
    {
        foreach (var next in pool.Where(activity => !prefix.Contains(activity)))
        {
            var order = new List<ActivityRun>(prefix) { next };
            yield return order;
            foreach (var longer in Arrangements(pool, order))
            {
                yield return longer;
            }
        }
    }
}
