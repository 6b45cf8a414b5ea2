using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Diagnostics;

namespace SagaDsl.Generator.Diagnostics;

/// <summary>
/// The saga DSL rules. Every rule but SAGA022, SAGA027, SAGA029 and SAGA032 is an error. A saga that breaks a declaration rule gets
/// only stand-ins of its public types, never a cascade of compiler errors; SAGA025 (a payload the
/// default converter cannot carry) leaves generation alone, since the code compiles and a custom
/// converter may carry it. SAGA022 and SAGA027 are warnings about a saga that works but cannot keep
/// its promise on every path, or not as fast as it could; SAGA029 about a saga whose changes cannot be
/// versioned until its first shape is recorded; SAGA032 about a removed step, compensation or search attribute nothing uses any more.
/// </summary>
internal static class SagaDiagnostics
{
    private const string Category = "SagaDsl";

    public static readonly DiagnosticDescriptor SagaMustBePartial = Rule(
        RuleIds.SagaMustBePartial, "Saga class must be partial", "Saga class '{0}' must be declared partial so the generator can add its activity adapter");

    public static readonly DiagnosticDescriptor UnsupportedSagaShape = Rule(
        RuleIds.UnsupportedSagaShape, "Saga class shape is not supported", "Saga class '{0}' is {1}; declare the saga as a top-level, non-generic class");

    public static readonly DiagnosticDescriptor NoSteps = Rule(
        RuleIds.NoSteps, "Saga has no steps", "Saga '{0}' has no method marked [SagaStep]");

    public static readonly DiagnosticDescriptor InvalidStepOrder = Rule(
        RuleIds.InvalidStepOrder, "Step order is invalid", "Step '{0}' has order {1}, {2}; give every step a distinct positive order");

    public static readonly DiagnosticDescriptor CompensationNotFound = Rule(
        RuleIds.CompensationNotFound, "Compensation method not found", "Step '{0}' is compensated by '{1}', which is not a method of '{2}'{3}");

    public static readonly DiagnosticDescriptor CompensationAmbiguous = Rule(
        RuleIds.CompensationAmbiguous, "Compensation method is overloaded", "Step '{0}' is compensated by '{1}', which has {2} overloads; keep one method of that name");

    public static readonly DiagnosticDescriptor ParameterUnbound = Rule(
        RuleIds.ParameterUnbound, "Parameter binds to nothing", "Parameter '{0}' of '{1}' binds to no earlier step result and is not the saga input ({2}); return a value of its type from an earlier step or use [FromStep]");

    public static readonly DiagnosticDescriptor ParameterAmbiguous = Rule(
        RuleIds.ParameterAmbiguous, "Parameter binding is ambiguous", "Parameter '{0}' of '{1}' could bind to {2}; choose one with [FromStep(nameof(...))] or [SagaInput]");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Rule(
        RuleIds.UnsupportedParameter, "Parameter kind is not supported", "Parameter '{0}' of '{1}' is {2}; step parameters are passed by value through Temporal");

    public static readonly DiagnosticDescriptor UnsupportedMethod = Rule(
        RuleIds.UnsupportedMethod, "Step method is not supported", "Method '{0}' {1}; steps and compensations return void, a value, Task, Task<T>, ValueTask or ValueTask<T> and are not generic");

    public static readonly DiagnosticDescriptor MultiplePivots = Rule(
        RuleIds.MultiplePivots, "Saga has more than one pivot", "Step '{0}' is a pivot, but '{1}' already is; a saga has at most one point of no return");

    public static readonly DiagnosticDescriptor CompensationAtOrAfterPivot = Rule(
        RuleIds.CompensationAtOrAfterPivot, "Compensation at or after the pivot", "Step '{0}' declares compensation '{1}', but it is {2} the pivot '{3}', which is never compensated; remove [CompensatedBy]");

    public static readonly DiagnosticDescriptor InvalidOption = Rule(
        RuleIds.InvalidOption, "Activity option is invalid", "{0}: {1} = {2} is invalid: {3}");

    public static readonly DiagnosticDescriptor NonCriticalMisuse = Rule(
        RuleIds.NonCriticalMisuse, "Non-critical step cannot be compensated or be the pivot", "Step '{0}' is not critical, so it cannot {1}; a non-critical step's failure never changes the saga's course");

    public static readonly DiagnosticDescriptor InvalidFromStep = Rule(
        RuleIds.InvalidFromStep, "[FromStep] names no usable step", "Parameter '{0}' of '{1}' takes the result of '{2}', which {3}");

    public static readonly DiagnosticDescriptor InvalidSearchAttribute = Rule(
        RuleIds.InvalidSearchAttribute, "Search attribute cannot be indexed", "Search attribute '{0}' on property '{1}' {2}");

    public static readonly DiagnosticDescriptor InputAmbiguous = Rule(
        RuleIds.InputAmbiguous, "Saga input is ambiguous", "Parameter '{0}' of '{1}' would be a second saga input ({2}) beside '{3}' ({4}); a saga takes one input: put both in one record");

    public static readonly DiagnosticDescriptor DuplicateWorkflowType = Rule(
        RuleIds.DuplicateWorkflowType, "Two sagas share a workflow type", "Saga '{0}' has workflow type '{1}', like saga '{2}'; their workflows and activities ('{1}.*') would clash on the worker: give one of them another [Saga(Name = ...)]");

    public static readonly DiagnosticDescriptor CompensationIsStep = Rule(
        RuleIds.CompensationIsStep, "Compensation is a step", "Step '{0}' is compensated by '{1}', which is itself a step; a compensation is a method of its own");

    public static readonly DiagnosticDescriptor GeneratedNameTaken = Rule(
        RuleIds.GeneratedNameTaken, "Generated name is taken", "Saga '{0}' needs the name '{1}' for its generated {2}, but {3} already declares it; rename that member or the saga");

    public static readonly DiagnosticDescriptor DuplicateStepName = Rule(
        RuleIds.DuplicateStepName, "Two steps share a name", "Step '{0}' (order {1}) has the name of step order {2}; a step is an activity, an adapter method and a result property of its name, so each needs its own: rename one");

    public static readonly DiagnosticDescriptor CompensatedByWithoutStep = Rule(
        RuleIds.CompensatedByWithoutStep, "[CompensatedBy] on a method that is not a step", "Method '{0}' has [CompensatedBy] but no [SagaStep]; only a step is compensated, so the attribute would do nothing: mark the method [SagaStep(n)], or remove the attribute");

    public static readonly DiagnosticDescriptor TwoCompensations = Rule(
        RuleIds.TwoCompensations, "Step has two compensations", "Step '{0}' is compensated by '{1}' and by '{2}'; a step has one compensation: remove one, or mark the one older shapes still use [CompensatedBy(nameof({2}), Removed = true)]");

    public static readonly DiagnosticDescriptor StepOutsideSaga = Rule(
        RuleIds.StepOutsideSaga, "[SagaStep] outside a saga", "Method '{0}' has [SagaStep], but '{1}' is not a [Saga] class, so the step never runs{2}");

    public static readonly DiagnosticDescriptor HeartbeatWithoutTimeout = Warning(
        RuleIds.HeartbeatWithoutTimeout,
        "Step heartbeats without a heartbeat timeout",
        "'{0}' heartbeats, but has no HeartbeatTimeout, so Temporal does not listen: a worker that dies during it is noticed only when the attempt's timeout ({1}) has passed; set HeartbeatTimeout on the step or the saga, a few times the interval between heartbeats");

    public static readonly DiagnosticDescriptor PayloadDoesNotRoundTrip = Rule(
        RuleIds.PayloadDoesNotRoundTrip, "Payload does not round-trip", "Type '{0}' of {1} does not come back whole from Temporal's default data converter: {2}; {3}. If the worker and client use a DataConverter that handles it, set dotnet_diagnostic.SAGA025.severity = none.");

    public static readonly DiagnosticDescriptor CompensationNeedsStepResult = Warning(
        RuleIds.CompensationNeedsStepResult,
        "Compensation needs its step's result",
        "Compensation '{0}' takes the result of step '{1}' (parameter '{2}'), so it cannot undo '{1}' when the step ends without an answer (a timeout, exhausted retries, a cancel between attempts) although it may have taken effect; the saga then ends SagaOutcomeUncertain for manual follow-up. Take the saga input and a StepContext instead, and find the effect to undo by StepContext.StepKey.");

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Rule(
        RuleIds.LanguageVersionTooOld, "C# 9 or later is required", "Saga '{0}' needs C# 9 or later for its generated workflow, but this project compiles C# {1}; set <LangVersion>9.0</LangVersion> or later (netstandard2.0 and .NET Framework projects default to 7.3)");

    public static readonly DiagnosticDescriptor ShapeNotRecorded = Rule(
        RuleIds.ShapeNotRecorded,
        "Saga shape changed but is not recorded",
        "Saga '{0}' no longer has the shape {1} records as shape {2} of '{3}': {4}. Executions started on shape {2} would fail on replay; record the new shape as shape {5}, or, if shape {2} never shipped, update it");

    public static readonly DiagnosticDescriptor SagaNotRecorded = Warning(
        RuleIds.SagaNotRecorded,
        "Saga has no shipped shape",
        "Saga '{0}' (workflow type '{1}') has no shape in {2}; record it as shape 1 when it first ships, so that later changes to it are versioned");

    public static readonly DiagnosticDescriptor ShapesFileUnreadable = Rule(
        RuleIds.ShapesFileUnreadable,
        "Shipped-shapes file line not understood",
        "Line {0} of {1} is not understood: {2}");

    public static readonly DiagnosticDescriptor ShapeCannotRun = Rule(
        RuleIds.ShapeCannotRun,
        "Shipped shape cannot run on the saga as declared",
        "Saga '{0}' cannot run shape {1}, which executions may still be running: {2}");

    public static readonly DiagnosticDescriptor RemovedStepUnused = Warning(
        RuleIds.RemovedStepUnused,
        "Removed step, compensation or search attribute is used by no shipped shape",
        "{0} is removed from saga '{1}', and no shape in {2} uses it any more; delete it");

    /// <summary>The rules about one saga's declaration, reported by the declaration analyzer.</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> Declarations = new[]
    {
        SagaMustBePartial, UnsupportedSagaShape, NoSteps, InvalidStepOrder, CompensationNotFound, CompensationAmbiguous,
        ParameterUnbound, ParameterAmbiguous, UnsupportedParameter, UnsupportedMethod, MultiplePivots,
        CompensationAtOrAfterPivot, InvalidOption, NonCriticalMisuse, InvalidFromStep, InvalidSearchAttribute,
        InputAmbiguous, CompensationIsStep, GeneratedNameTaken, CompensationNeedsStepResult, DuplicateStepName,
        CompensatedByWithoutStep, StepOutsideSaga, HeartbeatWithoutTimeout, TwoCompensations,
    };

    /// <summary>
    /// The rules that compare a saga with the shapes its running executions began on, recorded in the
    /// shipped-shapes file. An error among them leaves the workflow unversioned, never half-versioned.
    /// </summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> Versioning = new[] { ShapeNotRecorded, SagaNotRecorded, ShapesFileUnreadable, ShapeCannotRun, RemovedStepUnused };

    /// <summary>
    /// The rule about what Temporal carries, reported by the payload analyzer. The generated code
    /// compiles whatever the types, so it does not stop generation: a worker with a converter of its
    /// own may carry what the default one cannot.
    /// </summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> Payloads = new[] { PayloadDoesNotRoundTrip };

    /// <summary>The rules only the generator can check: they compare the sagas of a compilation.</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> Generation = new[] { DuplicateWorkflowType, LanguageVersionTooOld };

    /// <summary>Every SAGA0xx rule.</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> All = Declarations.Concat(Versioning).Concat(Payloads).Concat(Generation).ToArray();

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(static descriptor => descriptor.Id);

    public static DiagnosticDescriptor Find(string id) => ById[id];

    private static DiagnosticDescriptor Rule(string id, string title, string message) =>
        Rules.Create(id, title, message, Category, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        Rules.Create(id, title, message, Category, DiagnosticSeverity.Warning);
}
