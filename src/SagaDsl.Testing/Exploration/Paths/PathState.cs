using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.Exploration.World;
using SagaDsl.Testing.History;

namespace SagaDsl.Testing.Exploration.Paths;

/// <summary>
/// One path of an exploration so far: the history the workflow has seen, every activity it
/// scheduled, the effects that took place in the world, and the story of it in words. Forked at
/// every choice of the environment; a fork never changes its parent.
/// </summary>
internal sealed class PathState
{
    private readonly List<ActivityRun> activities;
    private readonly List<WorldCall> effects;
    private readonly List<string> timeline;
    private readonly HashSet<int> neverSent;
    private readonly List<TimerRun> timers;

    public PathState(WorkflowHistoryBuilder history)
        : this(history, new List<ActivityRun>(), new List<WorldCall>(), new List<string>(), new HashSet<int>(), new List<TimerRun>())
    {
    }

    private PathState(WorkflowHistoryBuilder history, List<ActivityRun> activities, List<WorldCall> effects, List<string> timeline, HashSet<int> neverSent, List<TimerRun> timers)
    {
        this.neverSent = neverSent;
        this.timers = timers;
        History = history;
        this.activities = activities;
        this.effects = effects;
        this.timeline = timeline;
    }

    public WorkflowHistoryBuilder History { get; }

    public IReadOnlyList<ActivityRun> Activities => activities;

    /// <summary>Gets the effects that took place, in order: replayed onto a fresh world, they give the world of this path.</summary>
    public IReadOnlyList<WorldCall> Effects => effects;

    public IReadOnlyList<string> Timeline => timeline;

    public int Cancels { get; private set; }

    public int Faults { get; private set; }

    /// <summary>Gets how many times the environment chose: the path's length, for the shortest counterexample.</summary>
    public int Moves { get; private set; }

    public bool CancelRequested { get; private set; }

    /// <summary>Gets the step the saga was at when its deadline fired, as the number of steps scheduled by then; null while it has not fired.</summary>
    public int? DeadlineFiredAtStep { get; private set; }

    /// <summary>
    /// Gets or sets whether the server recorded events while completing the last workflow task (an
    /// activity cancelled at once): it then schedules a new task at once, with no choice of the environment.
    /// </summary>
    public bool NewEventsPending { get; set; }

    /// <summary>Gets or sets what the saga parked and waits for an operator's decision about, as its status said at the end of the last task.</summary>
    public IReadOnlyList<StepFailure> WaitingForOperator { get; set; } = Array.Empty<StepFailure>();

    /// <summary>Gets the update the open task accepted, with its accepted event: that task is already completed in the history.</summary>
    public (string Id, long Accepted)? OpenUpdate { get; private set; }

    /// <summary>Gets how many updates the path sent so far, to give each its own id.</summary>
    public int Updates { get; private set; }

    /// <summary>Gets or sets how the path's workflow ended, once it has.</summary>
    public string? Outcome { get; set; }

    public PathState Fork() =>
        new(History.Fork(), new List<ActivityRun>(activities), new List<WorldCall>(effects), new List<string>(timeline), new HashSet<int>(neverSent), new List<TimerRun>(timers))
        {
            NewEventsPending = NewEventsPending,
            Cancels = Cancels,
            Faults = Faults,
            Moves = Moves,
            CancelRequested = CancelRequested,
            DeadlineFiredAtStep = DeadlineFiredAtStep,
            WaitingForOperator = WaitingForOperator,
            OpenUpdate = OpenUpdate,
            Updates = Updates,
        };

    /// <summary>Gets the timers started and not fired yet.</summary>
    public IReadOnlyList<TimerRun> PendingTimers => timers;

    public ActivityRun? Activity(int seq) => activities.FirstOrDefault(activity => activity.Seq == seq);

    public void Add(TimerRun timer) => timers.Add(timer);

    public void Fired(TimerRun timer, bool deadline)
    {
        timers.Remove(timer);
        if (deadline)
        {
            DeadlineFiredAtStep = activities.Count(activity => activity.Call.Kind == Replay.SagaCallKind.Step);
        }
    }

    public void Add(ActivityRun activity) => activities.Add(activity);

    /// <summary>Records an activity the workflow scheduled and cancelled in one task: the SDK never sends it.</summary>
    public void NeverSent(int seq) => neverSent.Add(seq);

    public bool WasNeverSent(int seq) => neverSent.Contains(seq);

    public void Replace(ActivityRun activity) => activities[activities.FindIndex(existing => existing.Seq == activity.Seq)] = activity;

    public void Note(string line) => timeline.Add(line);

    /// <summary>The environment made a choice, and a new workflow task follows it.</summary>
    /// <param name="line">What happened, for the timeline.</param>
    /// <param name="fault">Whether the choice counts against the path's faults.</param>
    /// <returns>This path.</returns>
    public PathState Moved(string line, bool fault)
    {
        Note(line);
        Moves++;
        if (fault)
        {
            Fault();
        }

        History.StartWorkflowTask();
        NewEventsPending = false;
        return this;
    }

    /// <summary>
    /// An operator sent an update, which the server delivers in a new workflow task; the task accepts
    /// it, so its completion and the accepted event are written now, and its commands follow them.
    /// </summary>
    /// <param name="line">What happened, for the timeline.</param>
    /// <param name="update">The update's name.</param>
    /// <param name="arguments">The update's arguments.</param>
    /// <returns>This path.</returns>
    public PathState Updated(string line, string update, params object?[] arguments)
    {
        Note(line);
        Moves++;
        var id = FormattableString.Invariant($"operator-{++Updates}");
        OpenUpdate = (id, History.UpdateAccepted(update, id, arguments));
        NewEventsPending = false;
        return this;
    }

    /// <summary>Takes the update the open task accepted, whose completion the task's commands write.</summary>
    /// <returns>The update, or null when the open task accepted none.</returns>
    public (string Id, long Accepted)? TakeOpenUpdate()
    {
        var update = OpenUpdate;
        OpenUpdate = null;
        return update;
    }

    /// <summary>The server delivers what it recorded with the last task's commands in a new task.</summary>
    /// <returns>This path.</returns>
    public PathState Delivered()
    {
        History.StartWorkflowTask();
        NewEventsPending = false;
        return this;
    }

    /// <summary>Counts a fault that happened as part of applying the workflow's commands.</summary>
    public void Fault() => Faults++;

    public void RequestCancel()
    {
        CancelRequested = true;
        Cancels++;
    }

    /// <summary>The activity's effect takes place; returns what the world answered.</summary>
    public WorldAnswer Land(ActivityRun activity, Func<SagaWorld> world)
    {
        var answer = World(world).Apply(activity.Call);
        if (answer.Accepted)
        {
            effects.Add(activity.Call);
            Replace(activity with { Landed = true, Result = answer.Result });
        }

        return answer;
    }

    /// <summary>What the world would answer <paramref name="call"/> now, without it taking place on this path.</summary>
    public WorldAnswer Ask(WorldCall call, Func<SagaWorld> world) => World(world).Apply(call);

    /// <summary>The world of this path: a fresh one with the path's effects applied in order.</summary>
    public SagaWorld World(Func<SagaWorld> world)
    {
        var fresh = world();
        foreach (var effect in effects)
        {
            fresh.Apply(effect);
        }

        return fresh;
    }
}
