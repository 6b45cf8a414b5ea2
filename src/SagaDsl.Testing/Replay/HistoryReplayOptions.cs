using System;
using Temporalio.Converters;

namespace SagaDsl.Testing.Replay;

/// <summary>How <see cref="SagaHistoryFiles"/> replays a folder of histories.</summary>
public sealed class HistoryReplayOptions
{
    /// <summary>The options used when none are given.</summary>
    public static HistoryReplayOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether each history is also replayed as it stood after each of its
    /// workflow tasks, as the executions a deploy meets in flight at every point. On by default.
    /// </summary>
    public bool EveryInFlightPoint { get; init; } = true;

    /// <summary>Gets a workflow class to replay instead of the saga's generated one, e.g. a hand-written version.</summary>
    public Type? Workflow { get; init; }

    /// <summary>Gets the data converter the workers use, when it is not the SDK's default: the workflow decodes its input with it.</summary>
    public DataConverter? DataConverter { get; init; }
}
