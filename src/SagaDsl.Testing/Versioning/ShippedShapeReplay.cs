using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using SagaDsl.Testing.Replay;
using SagaDsl.Testing.Scenarios;
using Temporalio.Worker;

namespace SagaDsl.Testing.Versioning;

/// <summary>
/// "Is this deploy safe" as one call: every scenario of every shape executions may still be running,
/// replayed strictly against the current workflow, whole and at every point an execution could be in
/// flight. A shape's histories carry its patch marker, as the executions that began on it recorded; an
/// older shape's reach the workflow without the newer markers.
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
        var inFlight = new List<ShapeInFlightResult>();
        foreach (var shape in shapes)
        {
            var runs = new List<ShapeScenarioResult>();
            foreach (var run in baseScenario.OnShape(shape).EveryScenario())
            {
                runs.Add(new ShapeScenarioResult(shape.Shape, await run.RunAsync(cancellationToken).ConfigureAwait(false)));
            }

            results.AddRange(runs);
            inFlight.AddRange(await ReplayInFlightAsync(shape, runs, cancellationToken).ConfigureAwait(false));
        }

        return new ShapesReplayReport(shapes[shapes.Count - 1].WorkflowType, results, inFlight);
    }

    /// <summary>
    /// Each scenario's history as it stood after each of its workflow tasks: the executions of the shape a
    /// deploy meets in flight at every point, which must replay on the current workflow too.
    /// </summary>
    private static async Task<IEnumerable<ShapeInFlightResult>> ReplayInFlightAsync(SagaDefinition shape, List<ShapeScenarioResult> runs, CancellationToken cancellationToken)
    {
        var points = runs.SelectMany(run => InFlightPoints.Of(run.Result.History).Select(point => (run.Result.Name, History: point))).ToList();
        var replayer = new WorkflowReplayer(new WorkflowReplayerOptions().AddWorkflow(shape.Workflow));
        var verdicts = (await replayer.ReplayWorkflowsAsync(points.Select(static point => point.History), throwOnReplayFailure: false, cancellationToken).ConfigureAwait(false)).ToList();
        return points.Select((point, index) => new ShapeInFlightResult(shape.Shape, point.Name, point.History.Events.Count, verdicts[index].ReplayFailure?.Message));
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

/// <summary>One scenario of one shape as it stood after one of its workflow tasks, replayed against the current workflow.</summary>
/// <param name="Shape">The shape's number; 0 for a saga not versioned.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Events">The events replayed.</param>
/// <param name="Error">The replayer's error, or <c>null</c> when it replayed.</param>
public sealed record ShapeInFlightResult(int Shape, string Scenario, int Events, string? Error)
{
    /// <inheritdoc/>
    public override string ToString() => $"shape {Shape}, {Scenario}, in flight after {Events} events: {Error ?? "replayed"}";
}

/// <summary>The verdict on every scenario of every shape.</summary>
public sealed class ShapesReplayReport
{
    internal ShapesReplayReport(string workflowType, IReadOnlyList<ShapeScenarioResult> results, IReadOnlyList<ShapeInFlightResult> inFlight)
    {
        WorkflowType = workflowType;
        Results = results;
        InFlight = inFlight;
    }

    /// <summary>Gets the workflow type replayed.</summary>
    public string WorkflowType { get; }

    /// <summary>Gets one result per shape and scenario, oldest shape first.</summary>
    public IReadOnlyList<ShapeScenarioResult> Results { get; }

    /// <summary>Gets every scenario's history at each point an execution could be in flight, replayed.</summary>
    public IReadOnlyList<ShapeInFlightResult> InFlight { get; }

    /// <summary>Gets the scenarios whose replay failed or differed from what the saga must do.</summary>
    public IReadOnlyList<ShapeScenarioResult> Failures => Results.Where(static result => !result.Result.Verified).ToList();

    /// <summary>Gets the in-flight points that did not replay.</summary>
    public IReadOnlyList<ShapeInFlightResult> InFlightFailures => InFlight.Where(static result => result.Error is not null).ToList();

    /// <summary>Throws, with this report, unless every scenario of every shape replayed as it must, whole and in flight.</summary>
    /// <exception cref="SagaScenarioException">A scenario or an in-flight point failed.</exception>
    public void EnsureAllVerified()
    {
        if (Failures.Count > 0 || InFlightFailures.Count > 0)
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
            .Append(Failures.Count).Append(" failed; ").Append(InFlight.Count).Append(" in-flight points, ")
            .Append(InFlightFailures.Count).AppendLine(" failed.");
        foreach (var failure in Failures)
        {
            text.Append("  ").AppendLine(failure.ToString());
        }

        foreach (var failure in InFlightFailures)
        {
            text.Append("  ").AppendLine(failure.ToString());
        }

        return text.ToString();
    }
}
