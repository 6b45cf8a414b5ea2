using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using SagaDsl.Testing.Scenarios;

namespace SagaDsl.Testing.Versioning;

/// <summary>
/// "Is this deploy safe" as one call: every scenario of every shape executions may still be running,
/// replayed strictly against the current workflow. A shape's histories carry its patch marker, as the
/// executions that began on it recorded; an older shape's reach the workflow without the newer markers.
/// </summary>
public static class ShippedShapeReplay
{
    /// <summary>Replays, on each shape, the scenario and every failure, compensation failure and cancellation point it implies.</summary>
    /// <param name="shapes">The shapes, from <c>{Saga}Workflow.Shapes</c> (or <c>new[] { Definition }</c> for a saga not versioned).</param>
    /// <param name="scenario">The base scenario: input and step results, for any of the shapes.</param>
    /// <param name="cancellationToken">Stops the replays.</param>
    /// <returns>One result per shape and scenario.</returns>
    public static async Task<ShapesReplayReport> ReplayAsync(IReadOnlyList<SagaDefinition> shapes, SagaScenario scenario, CancellationToken cancellationToken = default)
    {
        if (shapes is null || shapes.Count == 0)
        {
            throw new ArgumentException("Give at least one shape: {Saga}Workflow.Shapes, or new[] { {Saga}Workflow.Definition }.", nameof(shapes));
        }

        var baseScenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        var results = new List<ShapeScenarioResult>();
        foreach (var shape in shapes)
        {
            foreach (var run in baseScenario.OnShape(shape).EveryScenario())
            {
                results.Add(new ShapeScenarioResult(shape.Shape, await run.RunAsync(cancellationToken).ConfigureAwait(false)));
            }
        }

        return new ShapesReplayReport(shapes[shapes.Count - 1].WorkflowType, results);
    }
}

/// <summary>One scenario of one shape, replayed against the current workflow.</summary>
/// <param name="Shape">The shape's number; 0 for a saga not versioned.</param>
/// <param name="Result">The scenario's result.</param>
public sealed record ShapeScenarioResult(int Shape, SagaScenarioResult Result)
{
    /// <inheritdoc/>
    public override string ToString() => $"shape {Shape}, {Result.Name}: {(Result.Verified ? "verified" : Result.Report)}";
}

/// <summary>The verdict on every scenario of every shape.</summary>
public sealed class ShapesReplayReport
{
    internal ShapesReplayReport(string workflowType, IReadOnlyList<ShapeScenarioResult> results)
    {
        WorkflowType = workflowType;
        Results = results;
    }

    /// <summary>Gets the workflow type replayed.</summary>
    public string WorkflowType { get; }

    /// <summary>Gets one result per shape and scenario, oldest shape first.</summary>
    public IReadOnlyList<ShapeScenarioResult> Results { get; }

    /// <summary>Gets the scenarios whose replay failed or differed from what the saga must do.</summary>
    public IReadOnlyList<ShapeScenarioResult> Failures => Results.Where(static result => !result.Result.Verified).ToList();

    /// <summary>Throws, with this report, unless every scenario of every shape replayed as it must.</summary>
    /// <exception cref="SagaScenarioException">A scenario failed.</exception>
    public void EnsureAllVerified()
    {
        if (Failures.Count > 0)
        {
            throw new SagaScenarioException(ToString());
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var shapes = Results.Select(static result => result.Shape).Distinct().Count();
        var text = new System.Text.StringBuilder()
            .Append(WorkflowType).Append(": ").Append(shapes).Append(" shapes, ").Append(Results.Count).Append(" scenarios, ")
            .Append(Failures.Count).AppendLine(" failed.");
        foreach (var failure in Failures)
        {
            text.Append("  ").AppendLine(failure.ToString());
        }

        return text.ToString();
    }
}
