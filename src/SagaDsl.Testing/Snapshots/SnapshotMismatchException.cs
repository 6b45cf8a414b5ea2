using System;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// Thrown when generated code differs from its approved snapshot, or a snapshot has no code any more.
/// The message holds a unified diff per file and says how to approve the change.
/// </summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception with the report of every file that did not match.</summary>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }
}
