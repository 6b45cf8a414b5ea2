using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SagaDsl.Testing.Exploration;

/// <summary>What an exploration found: how many paths, how they ended, and every broken promise with its shortest counterexample.</summary>
/// <param name="Saga">The saga's name.</param>
/// <param name="Workflow">The workflow type explored.</param>
/// <param name="Bounds">The bounds the paths kept to.</param>
/// <param name="Paths">The paths explored to their end.</param>
/// <param name="WorldsChecked">The worlds checked at the paths' ends: one per order in which effects still in flight may land.</param>
/// <param name="Replays">The distinct history prefixes replayed through the SDK.</param>
/// <param name="Outcomes">How the paths ended, by outcome (<c>Completed</c>, <c>Cancelled</c>, <c>Failed: SagaCompensated</c>…).</param>
/// <param name="Violations">Each broken promise once, with the shortest path to it.</param>
/// <param name="Elapsed">How long the exploration took.</param>
public sealed record ExplorationReport(
    string Saga,
    string Workflow,
    ExplorationBounds Bounds,
    int Paths,
    int WorldsChecked,
    int Replays,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyList<SagaViolation> Violations,
    TimeSpan Elapsed)
{
    /// <summary>Gets whether no path broke a promise.</summary>
    public bool Passed => Violations.Count == 0;

    /// <summary>Gets the paths explored per second.</summary>
    public double PathsPerSecond => Elapsed.TotalSeconds > 0 ? Paths / Elapsed.TotalSeconds : Paths;

    /// <summary>Gets the summary: paths, ends by outcome, violations, bounds and speed.</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder();
            text.AppendLine(Invariant($"{Saga} ({Workflow}): {Paths} paths explored ({Bounds}), {WorldsChecked} end states checked, {Replays} prefixes replayed in {Elapsed.TotalSeconds:0.0} s ({PathsPerSecond:0} paths/s)."));
            foreach (var outcome in Outcomes.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
            {
                text.AppendLine(Invariant($"  {outcome.Value,6}  {outcome.Key}"));
            }

            text.Append(Violations.Count == 0 ? "0 violations." : Invariant($"{Violations.Count} violations."));
            return text.ToString();
        }
    }

    /// <summary>Throws when a path broke a promise, with every counterexample in the message.</summary>
    /// <exception cref="SagaExplorationException">A promise was broken.</exception>
    public void EnsureNoViolations()
    {
        if (!Passed)
        {
            throw new SagaExplorationException(this);
        }
    }

    /// <summary>Writes the summary and every counterexample.</summary>
    /// <returns>The report.</returns>
    public override string ToString() =>
        Violations.Count == 0 ? Summary : Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, Violations);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
