using System;

namespace SagaDsl.Testing.Exploration;

/// <summary>How much can go wrong on one path: the explorer checks every path within these bounds.</summary>
/// <param name="Cancels">Cancel requests per path (at most one is meaningful: cancellation is a state).</param>
/// <param name="Faults">
/// Faults per path: an activity failing for good, timing out, exhausting its retries, or being
/// cancelled between attempts after an earlier attempt took effect. Late answers to a cancel and
/// effects landing after the workflow ended are not faults and are always explored.
/// </param>
/// <param name="MaximumMoves">Choices of the environment per path before the path counts as stuck.</param>
public sealed record ExplorationBounds(int Cancels = 1, int Faults = 2, int MaximumMoves = 64)
{
    /// <summary>Gets the bounds the issue sets for a saga's whole behaviour space: one cancel and two faults per path.</summary>
    public static ExplorationBounds Default { get; } = new();

    /// <summary>Describes the bounds for the summary.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => FormattableString.Invariant($"at most {Cancels} cancel and {Faults} faults per path");
}
