using System;
using System.Collections.Generic;
using System.Linq;
using SagaDsl.Runtime;
using SagaDsl.Testing.Exploration.Paths;
using SagaDsl.Testing.Exploration.World;
using SagaDsl.Testing.Replay;
using Temporalio.Converters;

namespace SagaDsl.Testing.Exploration;

/// <summary>What every step of one exploration shares: the saga, the world model, the bounds, and what was found so far.</summary>
internal sealed class ExplorationContext
{
    private readonly Dictionary<(ViolationKind, string, string), (SagaViolation Violation, int Moves, int Faults)> violations = new();
    private readonly Dictionary<string, int> outcomes = new(StringComparer.Ordinal);

    public ExplorationContext(SagaDefinition definition, Func<SagaWorld> world, ExplorationBounds bounds, DataConverter converter, string workflowId, string firstExecutionRunId, object? input)
    {
        Definition = definition;
        World = world;
        Bounds = bounds;
        Converter = converter;
        WorkflowId = workflowId;
        FirstExecutionRunId = firstExecutionRunId;
        Input = input;
    }

    public SagaDefinition Definition { get; }

    public Func<SagaWorld> World { get; }

    public ExplorationBounds Bounds { get; }

    public DataConverter Converter { get; }

    public string WorkflowId { get; }

    public string FirstExecutionRunId { get; }

    public object? Input { get; }

    public int Paths { get; private set; }

    public int WorldsChecked { get; set; }

    public IReadOnlyDictionary<string, int> Outcomes => outcomes;

    /// <summary>Gets the first path that completed with no fault and no cancel: the saga's plain run.</summary>
    public PathState? PlainRun { get; private set; }

    public IReadOnlyList<SagaViolation> Violations =>
        violations.Values.Select(found => found.Violation)
            .OrderBy(violation => violation.Kind)
            .ThenBy(violation => violation.Subject, StringComparer.Ordinal)
            .ThenBy(violation => violation.Outcome, StringComparer.Ordinal)
            .ToList();

    public (SagaCallKind Kind, string Step) Identify(string activity, string key) =>
        SagaActivities.Identify(Definition, activity, key, WorkflowId);

    public void Ended(PathState path, string outcome)
    {
        path.Outcome = outcome;
        Paths++;
        outcomes[outcome] = outcomes.TryGetValue(outcome, out var count) ? count + 1 : 1;
        if (PlainRun is null && outcome == Ends.Completed && path.Faults == 0 && !path.CancelRequested)
        {
            PlainRun = path;
        }
    }

    /// <summary>
    /// Records a violation. Of the paths that break one promise about one subject and end the same
    /// way, the shortest is kept: a charge left over by a cancel and one left over by a timeout are
    /// two findings, the many orders that lead to either are one.
    /// </summary>
    public void Violated(ViolationKind kind, string subject, string message, PathState path, IEnumerable<string>? epilogue = null, string? outcome = null)
    {
        var timeline = path.Timeline.Concat(epilogue ?? Array.Empty<string>()).Append(message).ToList();
        outcome ??= path.Outcome ?? kind.ToString();
        var found = new SagaViolation(kind, subject, outcome, message, timeline, path.History.Build());
        var key = (kind, subject, outcome);
        if (!violations.TryGetValue(key, out var known) || Simpler(path, timeline, known))
        {
            violations[key] = (found, path.Moves, path.Faults);
        }
    }

    /// <summary>Records a violation that ends the path: it is counted under the violation's kind.</summary>
    public void Broken(ViolationKind kind, string subject, string message, PathState path)
    {
        Violated(kind, subject, message, path);
        Ended(path, kind.ToString());
    }

    // The simplest story first: fewest choices, then fewest faults. Paths equal in both are found in
    // no fixed order; comparing their text keeps the report the same on every run.
    private static bool Simpler(PathState path, List<string> timeline, (SagaViolation Violation, int Moves, int Faults) known) =>
        (path.Moves, path.Faults).CompareTo((known.Moves, known.Faults)) switch
        {
            < 0 => true,
            > 0 => false,
            _ => string.CompareOrdinal(string.Join("\n", timeline), string.Join("\n", known.Violation.Timeline)) < 0,
        };
}
