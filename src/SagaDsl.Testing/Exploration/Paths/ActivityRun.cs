using System.Collections.Generic;
using SagaDsl.Testing.Exploration.Driving;
using SagaDsl.Testing.Exploration.World;

namespace SagaDsl.Testing.Exploration.Paths;

/// <summary>One scheduled activity on a path: what the workflow asked for, and how far the world and the history have got with it.</summary>
/// <param name="Seq">The SDK's sequence number.</param>
/// <param name="ScheduledEvent">The id of its scheduled event.</param>
/// <param name="Call">The call as the world receives it.</param>
/// <param name="Arguments">The arguments as the workflow passed them, to compare on replay.</param>
/// <param name="Shape">Its options that decide the environment's answers.</param>
/// <param name="WorkflowWaits">Whether the workflow still awaits its outcome (false once cancelled with TryCancel or Abandon).</param>
/// <param name="CancelRequestEvent">The id of the event recording the workflow's cancel request, if any.</param>
/// <param name="Abandoned">Whether the workflow abandoned it: no cancel request, the activity runs on.</param>
/// <param name="Closed">Whether the history holds its closing event (completed, failed, timed out, cancelled).</param>
/// <param name="Landed">Whether its effect took place.</param>
/// <param name="Result">What it returned when its effect took place.</param>
/// <param name="MayStillLand">
/// Whether its last attempt may still be running although the history closed it: an attempt that
/// timed out is not told so unless it heartbeats, and can take effect afterwards.
/// </param>
internal sealed record ActivityRun(
    int Seq,
    long ScheduledEvent,
    WorldCall Call,
    IReadOnlyList<object?> Arguments,
    ActivityShape Shape,
    bool WorkflowWaits = true,
    long? CancelRequestEvent = null,
    bool Abandoned = false,
    bool Closed = false,
    bool Landed = false,
    object? Result = null,
    bool MayStillLand = false)
{
    public string Label => Call.Label;

    /// <summary>Gets whether the activity may still run in the world: its effect can land later.</summary>
    public bool InFlight => !Landed && (!Closed || MayStillLand);
}
