using System;
using System.Collections.Generic;
using System.Linq;

namespace SagaDsl.Runtime;

/// <summary>
/// The structure of a saga as its generated workflow runs it: steps in order, their activities,
/// task queues and compensations, the pivot. Generated as <c>{Saga}Workflow.Definition</c> for
/// tools that reason about the saga without running it: the SagaDsl.Testing scenario kit derives
/// the history a correct run must produce from it.
/// </summary>
/// <param name="Name">The saga class's name.</param>
/// <param name="Workflow">The generated workflow class.</param>
/// <param name="WorkflowType">The Temporal workflow type name.</param>
/// <param name="TaskQueue">The workflow's task queue.</param>
/// <param name="InputType">The type of the saga's input, or <c>null</c> when it takes none.</param>
/// <param name="ParallelCompensation">Whether compensations run all at once rather than newest first.</param>
/// <param name="SetsSearchAttributes">Whether the workflow upserts search attributes before its first step.</param>
/// <param name="Steps">The steps, in saga order.</param>
/// <param name="Deadline">How long after its start the saga may take to reach its pivot, or <c>null</c> for no deadline.</param>
/// <param name="PhaseSearchAttribute">The keyword search attribute the saga keeps set to its phase, or <c>null</c> for none.</param>
/// <param name="Shape">The number of the shipped shape this is, or 0 for a saga whose workflow is not versioned.</param>
/// <param name="Patch">
/// The patch the workflow checks first to run this shape, or <c>null</c> when it runs it without one
/// (shape 1, or a saga whose workflow is not versioned).
/// </param>
/// <param name="PatchDeprecated">Whether the workflow only deprecates <paramref name="Patch"/>: this is its oldest shape left.</param>
public sealed record SagaDefinition(
    string Name,
    Type Workflow,
    string WorkflowType,
    string TaskQueue,
    Type? InputType,
    bool ParallelCompensation,
    bool SetsSearchAttributes,
    IReadOnlyList<SagaStepDefinition> Steps,
    TimeSpan? Deadline = null,
    string? PhaseSearchAttribute = null,
    int Shape = 0,
    string? Patch = null,
    bool PatchDeprecated = false)
{
    /// <summary>Gets the pivot step, or <c>null</c> when every critical step can be compensated.</summary>
    public SagaStepDefinition? Pivot => Steps.FirstOrDefault(static step => step.IsPivot);

    /// <summary>Finds a step by its method name.</summary>
    /// <param name="name">The step's method name.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">The saga has no step of that name; the message lists the steps.</exception>
    public SagaStepDefinition Step(string name) =>
        Steps.FirstOrDefault(step => step.Name == name)
        ?? throw new ArgumentException($"Saga {Name} has no step {name}; its steps are {string.Join(", ", Steps.Select(static step => step.Name))}.", nameof(name));
}

/// <summary>One step of a saga.</summary>
/// <param name="Name">The step's method name.</param>
/// <param name="Order">The order declared with <c>[SagaStep(order)]</c>.</param>
/// <param name="Activity">The step's activity type name.</param>
/// <param name="TaskQueue">The task queue its activity runs on.</param>
/// <param name="ResultType">The type the step returns, or <c>null</c> when it returns nothing.</param>
/// <param name="IsPivot">Whether the step is the pivot: once it completes, nothing is compensated.</param>
/// <param name="IsCritical">Whether a failure ends the saga; a non-critical failure is recorded and the saga goes on.</param>
/// <param name="IsAfterPivot">Whether the step runs after the pivot: detached from cancellation, never compensated.</param>
/// <param name="MaximumAttempts">The retry policy's maximum attempts; 0 retries without limit.</param>
/// <param name="Compensation">What undoes the step, or <c>null</c> when nothing does.</param>
public sealed record SagaStepDefinition(
    string Name,
    int Order,
    string Activity,
    string TaskQueue,
    Type? ResultType,
    bool IsPivot,
    bool IsCritical,
    bool IsAfterPivot,
    int MaximumAttempts,
    SagaCompensationDefinition? Compensation);

/// <summary>The compensation of a step.</summary>
/// <param name="Name">The compensation's method name.</param>
/// <param name="Activity">The compensation's activity type name.</param>
/// <param name="TaskQueue">The task queue its activity runs on.</param>
/// <param name="MaximumAttempts">The retry policy's maximum attempts; 0 retries without limit.</param>
/// <param name="UsesStepResult">
/// Whether it takes the result of the step it undoes. Such a compensation cannot undo a step that
/// ended without an answer, which the saga then reports as owed; one that does not is pushed before
/// its step runs and undoes whatever the step's key did.
/// </param>
public sealed record SagaCompensationDefinition(string Name, string Activity, string TaskQueue, int MaximumAttempts, bool UsesStepResult = false);
