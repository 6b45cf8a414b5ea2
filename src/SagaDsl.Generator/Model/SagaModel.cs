using System.Linq;

namespace SagaDsl.Generator.Model;

/// <summary>
/// Everything the emitter needs to write one saga, and nothing from Roslyn: records of strings,
/// numbers, enums and <see cref="EquatableArray{T}"/>, equal exactly when the generated code would
/// be equal. Type names are fully qualified with <c>global::</c>.
/// </summary>
internal sealed record SagaModel(
    string Namespace,
    string ClassName,
    string Accessibility,
    bool IsStatic,
    string WorkflowType,
    string TaskQueue,
    bool ParallelCompensation,
    string? InputType,
    string? InputRuntimeType,
    string InputName,
    EquatableArray<StepModel> Steps,
    EquatableArray<TaskQueueModel> TaskQueues,
    EquatableArray<SearchAttributeModel> SearchAttributes,
    long? DeadlineTicks = null,
    string? PhaseSearchAttribute = null,
    EquatableArray<StepModel> RemovedSteps = default,
    EquatableArray<RunPath> Paths = default,
    EquatableArray<SearchAttributeModel> RemovedSearchAttributes = default)
{
    /// <summary>Gets the steps, then the removed steps that only the run paths of older shapes call: every step with an activity.</summary>
    public System.Collections.Generic.IEnumerable<StepModel> AllSteps => Steps.Concat(RemovedSteps);

    /// <summary>Gets whether the workflow runs more than one shape, or checks the patch of its only one.</summary>
    public bool IsVersioned => Paths.Length > 0;

    /// <summary>Gets the saga as declared, for the model of one of its run paths; <c>null</c> for the saga itself.</summary>
    public SagaModel? Declared { get; private init; }

    /// <summary>The saga as one run path runs it: the path's steps and compensation, with the saga's methods and options.</summary>
    public SagaModel On(RunPath path) => this with
    {
        Steps = path.Steps,
        ParallelCompensation = path.ParallelCompensation,
        SearchAttributes = path.SearchAttributes,
        PhaseSearchAttribute = path.PhaseSearchAttribute,
        DeadlineTicks = path.Deadline ? DeadlineTicks : null,
        Paths = EquatableArray<RunPath>.Empty,
        Declared = this,
    };

    /// <summary>Gets whether a step's result may be missing from the saga's result: it is not critical on some path, or not run.</summary>
    public bool ResultMayBeMissing(StepModel step) =>
        !step.IsCritical || RemovedSteps.Contains(step) || Paths.Any(path => !path.Steps.Any(other => other.Method.Name == step.Method.Name && other.IsCritical));

    /// <summary>Gets whether the workflow sets search attributes: the input's, or its phase.</summary>
    public bool HasSearchAttributes => SearchAttributes.Length > 0 || PhaseSearchAttribute is not null;

    /// <summary>Gets the input's search attributes: the ones the saga sets, then the removed ones older shapes' executions still set.</summary>
    public System.Collections.Generic.IEnumerable<SearchAttributeModel> AllSearchAttributes => SearchAttributes.Concat(RemovedSearchAttributes);

    /// <summary>Gets whether the workflow names any search attribute: its own, or one only the run paths of older shapes still set.</summary>
    public bool HasSearchAttributeKeys => HasSearchAttributes || RemovedSearchAttributes.Length > 0 || OlderPhaseAttributes.Any();

    /// <summary>
    /// Gets each phase search attribute an older shape kept and the saga no longer does, with the first
    /// shape that kept it, which names its key.
    /// </summary>
    public System.Collections.Generic.IEnumerable<(string Name, int Shape)> OlderPhaseAttributes =>
        Paths.Where(path => path.PhaseSearchAttribute is { } phase && phase != PhaseSearchAttribute)
            .GroupBy(static path => path.PhaseSearchAttribute!, System.StringComparer.Ordinal)
            .Select(static group => (group.Key, group.First().Shape));

    public string FullName => Qualified(ClassName);

    public string WorkflowClass => ClassName + GeneratedNames.WorkflowSuffix;

    public string ResultClass => ClassName + GeneratedNames.ResultSuffix;

    public string WorkerClass => ClassName + GeneratedNames.WorkerSuffix;

    public string ClientClass => ClassName + GeneratedNames.ClientSuffix;

    public string HostingClass => ClassName + GeneratedNames.HostingSuffix;

    public string ActivitiesClass => FullName + "." + GeneratedNames.ActivitiesClass;

    /// <summary>Gets a type of the saga's namespace as generated code names it, from <c>global::</c>.</summary>
    public string Qualified(string type) => Namespace.Length == 0 ? "global::" + type : $"global::{Namespace}.{type}";

    /// <summary>Gets whether the activities call instance methods, and so need a saga object.</summary>
    public bool NeedsInstance => !IsStatic && AllSteps.Any(static step => !step.Method.IsStatic || step.Compensation is { Method.IsStatic: false });
}

/// <summary>One step, in saga order.</summary>
/// <param name="ResultRuntimeType">The result type as <c>typeof</c> accepts it, or <c>null</c> for none.</param>
/// <param name="ForwardOnlyAttempts">The maximum attempts it would have as a critical step at or after the pivot.</param>
/// <param name="CompensableAttempts">The maximum attempts it would have before the pivot, or as a non-critical step.</param>
/// <param name="OptionsVariant">
/// What tells its options apart from those declared, on the run path of an older shape in which it had
/// another place: the pivot, and the steps after it, ignore cancellation and retry until they have an answer.
/// </param>
internal sealed record StepModel(
    int Order,
    MethodModel Method,
    string ActivityName,
    bool IsPivot,
    bool IsCritical,
    bool IsAfterPivot,
    ActivityOptionsModel Options,
    CompensationModel? Compensation,
    string? ResultRuntimeType,
    int ForwardOnlyAttempts = 0,
    int CompensableAttempts = 0,
    string OptionsVariant = "",
    EquatableArray<CompensationModel> RemovedCompensations = default)
{
    /// <summary>Gets the compensation, then those older shapes still undo the step with.</summary>
    public System.Collections.Generic.IEnumerable<CompensationModel> AllCompensations =>
        (Compensation is null ? Enumerable.Empty<CompensationModel>() : new[] { Compensation }).Concat(RemovedCompensations);

    /// <summary>The options the step has in a place of the saga: before or from the pivot, critical or not.</summary>
    public ActivityOptionsModel OptionsFor(bool forwardOnly, bool isCritical) => Options with
    {
        MaximumAttempts = forwardOnly && isCritical ? ForwardOnlyAttempts : CompensableAttempts,
        Detached = forwardOnly,
        WaitsForCancellation = isCritical && !forwardOnly,
    };
}

/// <summary>The compensation of a step.</summary>
/// <param name="UsesStepResult">
/// Whether it takes the result of the step it undoes, and so cannot undo a step that ended without
/// an answer; otherwise it is pushed before the step runs and undoes it by key.
/// </param>
/// <param name="OptionsVariant">What tells its options apart from the step's current compensation's, for one marked Removed.</param>
internal sealed record CompensationModel(MethodModel Method, string ActivityName, ActivityOptionsModel Options, bool UsesStepResult, string OptionsVariant = "");

/// <summary>A step or compensation method of the user's saga class.</summary>
internal sealed record MethodModel(
    string Name,
    bool IsStatic,
    ReturnKind ReturnKind,
    string? ResultType,
    EquatableArray<ParameterModel> Parameters)
{
    public bool HasResult => ResultType is not null;

    /// <summary>Gets the name as code writes it: a keyword, or a contextual one such as <c>await</c>, with <c>@</c>.</summary>
    public string Identifier => Identifiers.Escape(Name);

    public bool IsAsync => ReturnKind is ReturnKind.Task or ReturnKind.TaskOfValue or ReturnKind.ValueTask or ReturnKind.ValueTaskOfValue;

    public bool UsesContext => Parameters.Any(static parameter => parameter.Binding is BindingKind.StepContext or BindingKind.CancellationToken);
}

/// <summary>One parameter and what it binds to.</summary>
/// <param name="SourceStep">The step whose result binds, for <see cref="BindingKind.StepResult"/>.</param>
internal sealed record ParameterModel(string Name, string Type, BindingKind Binding, string? SourceStep);

/// <summary>A task queue limit declared with <c>[SagaTaskQueue]</c>.</summary>
internal sealed record TaskQueueModel(string Name, int MaxConcurrentActivities, double MaxTaskQueueActivitiesPerSecond);

/// <summary>What a parse produced: the saga when it is valid, its diagnostics, and its identity.</summary>
/// <param name="Surface">For a saga in error, what code outside it names of it; <c>null</c> when <paramref name="Saga"/> is set.</param>
internal sealed record SagaParseResult(SagaModel? Saga, EquatableArray<DiagnosticInfo> Diagnostics, SagaIdentity? Identity = null, SagaSurface? Surface = null);

/// <summary>What must be unique among the sagas of a compilation, and where to report a clash.</summary>
internal sealed record SagaIdentity(string FullName, string WorkflowType, LocationInfo? Location);

internal enum ReturnKind
{
    Void,
    Value,
    Task,
    TaskOfValue,
    ValueTask,
    ValueTaskOfValue,
}

internal enum BindingKind
{
    Input,
    StepResult,
    StepContext,
    CancellationToken,
}
