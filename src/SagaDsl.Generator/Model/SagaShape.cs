using System.Linq;

namespace SagaDsl.Generator.Model;

/// <summary>
/// What of a saga decides the commands its workflow sends, so what the history of a running execution
/// holds: the steps in order with their pivot, criticality and compensation, how it compensates, the
/// search attributes it upserts and its deadline timer. Activity options are left out: replay never
/// compares them. Activity names follow the step and compensation names.
/// </summary>
/// <param name="UpsertsAtStart">Whether the workflow upserts search attributes before its first step.</param>
/// <param name="PhaseSearchAttribute">The phase search attribute it keeps current, or <c>null</c>.</param>
/// <param name="Deadline">Whether it starts a deadline timer; its duration is an option, which replay never compares.</param>
internal sealed record SagaShape(
    EquatableArray<ShapeStep> Steps,
    bool ParallelCompensation,
    bool UpsertsAtStart,
    string? PhaseSearchAttribute,
    bool Deadline)
{
    /// <summary>The shape the saga as declared runs.</summary>
    public static SagaShape Of(SagaModel saga) => new(
        saga.Steps.Select(static step => new ShapeStep(step.Method.Name, step.IsPivot, step.IsCritical, step.Compensation?.Method.Name, step.Compensation?.UsesStepResult ?? false)).ToEquatableArray(),
        saga.ParallelCompensation,
        saga.HasSearchAttributes,
        saga.PhaseSearchAttribute,
        saga.DeadlineTicks is not null);
}

/// <summary>One step of a shape.</summary>
/// <param name="Name">The step's method name, which names its activity.</param>
/// <param name="Compensation">The compensation's method name, or <c>null</c> for none.</param>
/// <param name="CompensationUsesStepResult">Whether the compensation takes the step's result, and so is pushed only once the step returned.</param>
internal sealed record ShapeStep(string Name, bool IsPivot, bool IsCritical, string? Compensation, bool CompensationUsesStepResult);

/// <summary>A shape recorded in a shipped-shapes file: executions started on it may still be running.</summary>
/// <param name="Number">The shape's number within its saga, from 1, in the order shapes shipped.</param>
/// <param name="Location">The shape's header line, for diagnostics.</param>
internal sealed record ShippedShape(string WorkflowType, int Number, SagaShape Shape, LocationInfo? Location);

/// <summary>Every shape recorded in the project's shipped-shapes files, and what in them could not be read.</summary>
/// <param name="HasFile">Whether the project has a shipped-shapes file at all, which asks for every saga to be recorded.</param>
internal sealed record ShippedShapes(bool HasFile, EquatableArray<ShippedShape> Shapes, EquatableArray<DiagnosticInfo> Errors)
{
    public static ShippedShapes None { get; } = new(false, EquatableArray<ShippedShape>.Empty, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>The shapes of one workflow type, oldest first.</summary>
    public ShippedShape[] Of(string workflowType) =>
        Shapes.Where(shape => shape.WorkflowType == workflowType).OrderBy(static shape => shape.Number).ToArray();
}

/// <summary>
/// One way the workflow runs: the current shape, or a shipped one its running executions began on.
/// Executions choose it by the patch marker in their history: the newest path whose patch they
/// recorded, or the oldest when they recorded none.
/// </summary>
/// <param name="Shape">The shape's number.</param>
/// <param name="Patch">The patch id that selects it, or <c>null</c> for the oldest shape without one.</param>
/// <param name="Deprecated">Whether no older path is left, so the patch is only deprecated: checked, never branched on.</param>
/// <param name="SearchAttributes">
/// The input's search attributes this path upserts before its first step: the newest path the saga's
/// current ones; an older path that upserted at start those and the ones removed since, for the upsert
/// its executions recorded; none for a path that did not.
/// </param>
/// <param name="PhaseSearchAttribute">The search attribute this path keeps set to the saga's phase, or <c>null</c>.</param>
internal sealed record RunPath(
    int Shape,
    string? Patch,
    bool Deprecated,
    EquatableArray<StepModel> Steps,
    bool ParallelCompensation,
    EquatableArray<SearchAttributeModel> SearchAttributes,
    string? PhaseSearchAttribute,
    bool Deadline);
