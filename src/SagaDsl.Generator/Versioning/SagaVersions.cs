using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator.Versioning;

/// <summary>
/// Compares a saga with the shapes recorded for it and plans the workflow's run paths: one per shipped
/// shape, chosen by patch marker, so an execution replays and finishes on the shape it began while new
/// executions take the newest. The plan is built from the two models alone, so the generator and the
/// declaration analyzer reach the same one.
/// </summary>
internal static class SagaVersions
{
    public static VersionPlan Plan(SagaModel saga, ShippedShapes shipped, LocationInfo? sagaLocation)
    {
        var shapes = shipped.Of(saga.WorkflowType);
        var current = SagaShape.Of(saga);
        if (shapes.Length == 0)
        {
            return shipped.HasFile
                ? VersionPlan.Unversioned(DiagnosticInfo.Create(SagaDiagnostics.SagaNotRecorded, sagaLocation, saga.ClassName, saga.WorkflowType, ShapeText.FileName), new ShapeRecord(saga.WorkflowType, 1, null, ShapeText.Write(saga.WorkflowType, 1, current)))
                : VersionPlan.Unversioned();
        }

        var recorded = shapes.SelectMany(static shape => shape.Shape.Steps).ToList();
        var unused = saga.RemovedSteps
            .Where(removed => !recorded.Any(step => step.Name == removed.Method.Name))
            .Select(removed => "Step '" + removed.Method.Name + "'")
            .Concat(saga.AllSteps.SelectMany(step => step.RemovedCompensations
                .Where(removed => !recorded.Any(shaped => shaped.Name == step.Method.Name && shaped.Compensation == removed.Method.Name))
                .Select(removed => "Compensation '" + removed.Method.Name + "' of step '" + step.Method.Name + "'")))
            .Concat(saga.RemovedSearchAttributes
                .Where(_ => !shapes.Take(shapes.Length - 1).Any(static shape => shape.Shape.UpsertsAtStart))
                .Select(static removed => "Search attribute '" + removed.Name + "'"))
            .Select(what => DiagnosticInfo.Create(SagaDiagnostics.RemovedStepUnused, sagaLocation, what, saga.ClassName, ShapeText.FileName))
            .ToList();
        var newest = shapes[shapes.Length - 1];
        if (newest.Shape != current)
        {
            var number = newest.Number.ToString(CultureInfo.InvariantCulture);
            var next = newest.Number + 1;
            return VersionPlan.Unversioned(
                DiagnosticInfo.Create(SagaDiagnostics.ShapeNotRecorded, sagaLocation, saga.ClassName, ShapeText.FileName, number, saga.WorkflowType, ShapeDifference.Describe(newest.Shape, current), next.ToString(CultureInfo.InvariantCulture)),
                new ShapeRecord(saga.WorkflowType, next, newest.Number, ShapeText.Write(saga.WorkflowType, next, current)));
        }

        if (shapes.Length == 1 && newest.Number == 1)
        {
            // Only the first shape ever shipped: its executions recorded no patch, and there is no other path.
            return new VersionPlan(EquatableArray<RunPath>.Empty, unused.ToEquatableArray(), null);
        }

        var paths = new List<RunPath>();
        var problems = new List<DiagnosticInfo>();
        foreach (var shape in shapes)
        {
            var patch = shape.Number == 1 ? null : PatchId(saga.WorkflowType, shape.Number);
            var deprecated = patch is not null && shape == shapes[0];
            var steps = shape == newest ? saga.Steps.ToList() : StepsOf(saga, shape, problems, sagaLocation);
            var searchAttributes = !shape.Shape.UpsertsAtStart ? Enumerable.Empty<SearchAttributeModel>()
                : shape == newest ? saga.SearchAttributes
                : saga.SearchAttributes.Concat(saga.RemovedSearchAttributes);
            paths.Add(new RunPath(shape.Number, patch, deprecated, steps.ToEquatableArray(), shape.Shape.ParallelCompensation, searchAttributes.ToEquatableArray(), shape.Shape.PhaseSearchAttribute, shape.Shape.Deadline));
        }

        return problems.Count > 0
            ? new VersionPlan(EquatableArray<RunPath>.Empty, problems.Concat(unused).ToEquatableArray(), null)
            : new VersionPlan(paths.ToEquatableArray(), unused.ToEquatableArray(), null);
    }

    /// <summary>The patch id of a shape: readable in the history and in the TemporalChangeVersion search attribute.</summary>
    public static string PatchId(string workflowType, int shape) => workflowType + "/shape-" + shape.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The steps of an older shape, made of the saga's current step and compensation methods: their
    /// adapters, bindings and options stay as declared, their place, pivot, criticality and compensation
    /// are the shape's. What the shape needs and the saga no longer declares is reported.
    /// </summary>
    private static List<StepModel> StepsOf(SagaModel saga, ShippedShape shipped, List<DiagnosticInfo> problems, LocationInfo? location)
    {
        var shape = shipped.Shape;
        var steps = new List<StepModel>();
        void Cannot(string why) => problems.Add(DiagnosticInfo.Create(SagaDiagnostics.ShapeCannotRun, location, saga.ClassName, shipped.Number.ToString(CultureInfo.InvariantCulture), why));

        // The upsert an older shape's executions recorded at their start needs one attribute to set: its
        // phase attribute, whose name the shape keeps, or one of the input's, current or removed.
        if (shape.UpsertsAtStart && shape.PhaseSearchAttribute is null && saga.SearchAttributes.Length == 0 && saga.RemovedSearchAttributes.Length == 0)
        {
            Cannot("it upserts search attributes when it starts, and the saga's input declares none now; keep one, marked [SearchAttribute(Removed = true)], until the shape is retired");
        }

        if (shape.Deadline && saga.DeadlineTicks is null)
        {
            Cannot("it starts a deadline timer, and the saga declares no Deadline now; keep one until the shape is retired");
        }

        var pivot = IndexOfPivot(shape);
        for (var index = 0; index < shape.Steps.Length; index++)
        {
            var recorded = shape.Steps[index];
            var declared = saga.AllSteps.FirstOrDefault(step => step.Method.Name == recorded.Name);
            if (declared is null)
            {
                Cannot("it runs step " + recorded.Name + ", which the saga no longer declares; keep it, marked [SagaStep(n, Removed = true)], until the shape is retired");
                continue;
            }

            var compensation = CompensationOf(recorded, declared, index, pivot, Cannot);
            var afterPivot = pivot >= 0 && index > pivot;
            var options = declared.OptionsFor(forwardOnly: afterPivot || recorded.IsPivot, recorded.IsCritical);
            steps.Add(declared with
            {
                Order = index + 1,
                IsPivot = recorded.IsPivot,
                IsCritical = recorded.IsCritical,
                IsAfterPivot = afterPivot,
                Compensation = compensation,
                Options = options,
                OptionsVariant = options == declared.Options ? string.Empty : "InShape" + shipped.Number.ToString(CultureInfo.InvariantCulture),
            });
        }

        CheckResults(steps, Cannot);
        return steps;
    }

    private static CompensationModel? CompensationOf(ShapeStep recorded, StepModel declared, int index, int pivot, System.Action<string> cannot)
    {
        if (recorded.Compensation is null)
        {
            return null;
        }

        if (pivot >= 0 && index >= pivot)
        {
            cannot("it undoes step " + recorded.Name + " at or after its pivot, which nothing undoes");
            return null;
        }

        if (declared.AllCompensations.FirstOrDefault(candidate => candidate.Method.Name == recorded.Compensation) is not { } compensation)
        {
            cannot("it undoes step " + recorded.Name + " with " + recorded.Compensation + ", which no longer compensates it; keep [CompensatedBy(nameof(" + recorded.Compensation + "), Removed = true)] on the step until the shape is retired");
            return null;
        }

        if (compensation.UsesStepResult != recorded.CompensationUsesStepResult)
        {
            cannot(recorded.Compensation + " " + (recorded.CompensationUsesStepResult ? "no longer takes" : "now takes") + " the result of " + recorded.Name + ", which changes when the shape schedules it");
        }

        return compensation;
    }

    /// <summary>A step that takes another's result can run only after it, and only if that step cannot have failed and gone on.</summary>
    private static void CheckResults(List<StepModel> steps, System.Action<string> cannot)
    {
        var ran = new Dictionary<string, StepModel>(System.StringComparer.Ordinal);
        foreach (var step in steps)
        {
            var parameters = step.Method.Parameters.Select(static parameter => (Parameter: parameter, Inclusive: false))
                .Concat(step.Compensation?.Method.Parameters.Select(static parameter => (Parameter: parameter, Inclusive: true)) ?? Enumerable.Empty<(ParameterModel, bool)>());
            foreach (var (parameter, inclusive) in parameters)
            {
                if (parameter.Binding != BindingKind.StepResult || parameter.SourceStep is not { } source || (inclusive && source == step.Method.Name))
                {
                    continue;
                }

                if (!ran.TryGetValue(source, out var earlier))
                {
                    cannot(step.Method.Name + " takes the result of " + source + ", which the shape does not run before it");
                }
                else if (!earlier.IsCritical)
                {
                    cannot(step.Method.Name + " takes the result of " + source + ", which the shape runs as non-critical, so it may be missing");
                }
            }

            ran[step.Method.Name] = step;
        }
    }

    private static int IndexOfPivot(SagaShape shape)
    {
        for (var index = 0; index < shape.Steps.Length; index++)
        {
            if (shape.Steps[index].IsPivot)
            {
                return index;
            }
        }

        return -1;
    }
}

/// <summary>What the versioning of one saga came to: its run paths, or what stops them.</summary>
/// <param name="Paths">The run paths, oldest shape first; empty when the workflow is not versioned.</param>
/// <param name="Record">The shape the saga should record, when it has not, for the code fix.</param>
internal sealed record VersionPlan(EquatableArray<RunPath> Paths, EquatableArray<DiagnosticInfo> Diagnostics, ShapeRecord? Record)
{
    public static VersionPlan Unversioned(DiagnosticInfo? diagnostic = null, ShapeRecord? record = null) =>
        new(EquatableArray<RunPath>.Empty, diagnostic is null ? EquatableArray<DiagnosticInfo>.Empty : new[] { diagnostic }.ToEquatableArray(), record);
}

/// <summary>A shape to write into the shipped-shapes file.</summary>
/// <param name="Replaces">The number of the shape it may replace instead, when that one never shipped.</param>
/// <param name="Text">The shape's block of lines.</param>
internal sealed record ShapeRecord(string WorkflowType, int Number, int? Replaces, string Text);
