using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SagaDsl.Testing.Replay;

/// <summary>The verdict on every history of a folder replayed against the current workflow.</summary>
public sealed class HistoryFilesReport
{
    internal HistoryFilesReport(string folder, string workflowType, IReadOnlyList<HistoryFileResult> results)
    {
        Folder = folder;
        WorkflowType = workflowType;
        Results = results;
    }

    /// <summary>Gets the folder the histories came from.</summary>
    public string Folder { get; }

    /// <summary>Gets the workflow type replayed.</summary>
    public string WorkflowType { get; }

    /// <summary>Gets one result per file, and per in-flight point when those were asked for, in file order.</summary>
    public IReadOnlyList<HistoryFileResult> Results { get; }

    /// <summary>Gets the results that failed.</summary>
    public IReadOnlyList<HistoryFileResult> Failures => Results.Where(result => !result.Replayed).ToList();

    /// <summary>Throws, with this report, unless there was at least one history and every one replayed.</summary>
    /// <exception cref="HistoryReplayException">A history did not replay, or the folder held none.</exception>
    public void EnsureAllReplayed()
    {
        if (Results.Count == 0 || Failures.Count > 0)
        {
            throw new HistoryReplayException(this);
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if (Results.Count == 0)
        {
            return $"{Folder}: no history files (*.json) to replay against {WorkflowType}.";
        }

        var files = Results.Select(result => result.File).Distinct(StringComparer.Ordinal).Count();
        var text = new StringBuilder()
            .Append(WorkflowType).Append(": ").Append(files).Append(" history files, ").Append(Results.Count).Append(" replays, ")
            .Append(Failures.Count).AppendLine(" failed.");
        foreach (var failure in Failures)
        {
            text.Append("  ").AppendLine(failure.ToString());
        }

        return text.ToString();
    }
}
