namespace SagaDsl.Testing.Replay;

/// <summary>What replaying one history file, or one in-flight point of it, against the workflow showed.</summary>
/// <param name="File">The file's name, relative to the folder.</param>
/// <param name="Events">How many events were replayed.</param>
/// <param name="InFlight">
/// Whether this replay stopped after one of the history's workflow tasks, as an execution in flight at
/// that point, rather than taking the whole file.
/// </param>
/// <param name="Ending">How the replayed events end: <c>completed</c>, <c>failed</c>, <c>cancelled</c>, <c>terminated</c>, <c>timed out</c>, <c>continued as new</c> or <c>running</c>.</param>
/// <param name="Failure">Why the replay failed (a nondeterminism error, or a file that is not this workflow's history), or <c>null</c>.</param>
public sealed record HistoryFileResult(string File, int Events, bool InFlight, string Ending, string? Failure)
{
    /// <summary>Gets a value indicating whether the workflow replayed these events without error.</summary>
    public bool Replayed => Failure is null;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{File}{(InFlight ? $" (in flight after {Events} events)" : $" ({Events} events, {Ending})")}: {(Replayed ? "replayed" : "FAILED: " + Failure)}";
}
