using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Temporalio.Common;

namespace SagaDsl.Testing.Exploration;

/// <summary>
/// A broken promise with the shortest path the explorer found to it: what the environment did, what
/// the workflow did, and the history, which the replayer and the Temporal UI load.
/// </summary>
/// <param name="Kind">Which promise.</param>
/// <param name="Subject">The step, activity or value it concerns.</param>
/// <param name="Outcome">How the path's workflow ended (<c>Cancelled</c>, <c>Failed: SagaCompensated</c>…), or the violation's kind for a path that never ended.</param>
/// <param name="Message">What went wrong, in a sentence.</param>
/// <param name="Timeline">What happened, in order, ending with what was left wrong.</param>
/// <param name="History">The history of the path, as a server would record it.</param>
public sealed record SagaViolation(
    ViolationKind Kind,
    string Subject,
    string Outcome,
    string Message,
    IReadOnlyList<string> Timeline,
    WorkflowHistory History)
{
    /// <summary>Gets the history as JSON, for <c>WorkflowHistory.FromJson</c> or the Temporal UI's import.</summary>
    public string HistoryJson => History.ToJson();

    /// <summary>Writes the counterexample: the message and the numbered timeline.</summary>
    /// <returns>The counterexample.</returns>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Kind).Append(": ").AppendLine(Message);
        for (var index = 0; index < Timeline.Count; index++)
        {
            text.Append("  ").Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(Timeline[index]);
        }

        return text.ToString().TrimEnd(Environment.NewLine.ToCharArray());
    }
}
