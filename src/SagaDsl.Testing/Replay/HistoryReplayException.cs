using System;

namespace SagaDsl.Testing.Replay;

/// <summary>Thrown by <see cref="HistoryFilesReport.EnsureAllReplayed"/> when a history did not replay.</summary>
public sealed class HistoryReplayException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="HistoryReplayException"/> class.</summary>
    /// <param name="report">The replay's report.</param>
    public HistoryReplayException(HistoryFilesReport report)
        : base((report ?? throw new ArgumentNullException(nameof(report))).ToString()) => Report = report;

    /// <summary>Gets the replay's report.</summary>
    public HistoryFilesReport Report { get; }
}
