using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using SagaDsl.Testing.Exploration.Paths;
using SagaDsl.Testing.Exploration.World;
using SagaDsl.Testing.History;
using Temporalio.Converters;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Exploration;

/// <summary>
/// A model checker for sagas. It drives the workflow through the real Temporal SDK, one workflow
/// task at a time, and branches over everything the environment may do next: each activity
/// completes, is refused, fails for good before or after its effect, times out, answers a cancel
/// late; a client cancels at any point. On every path it checks what happened to the world: every
/// effect is kept by a saga that completed, or undone, or reported as owed.
/// </summary>
/// <remarks>
/// It needs no statement of the saga's semantics: the workflow decides, the environment answers,
/// and only the world is judged. Explorers are immutable: every method returns a new explorer.
/// </remarks>
public sealed class SagaExplorer
{
    private const string DefaultRunId = "5a6a0000-0000-4000-8000-0000000000e1";
    private const string OtherRunId = "5a6a0000-0000-4000-8000-0000000000e2";

    private readonly State state;

    private SagaExplorer(State state) => this.state = state;

    /// <summary>Starts describing an exploration of a saga's generated workflow.</summary>
    /// <param name="definition">The saga, from <c>{Saga}Workflow.Definition</c>.</param>
    /// <returns>The explorer.</returns>
    public static SagaExplorer For(SagaDefinition definition) =>
        new(new State(
            definition ?? throw new ArgumentNullException(nameof(definition)),
            definition.Name.ToLowerInvariant() + "-explored",
            DefaultRunId,
            new Dictionary<string, object?>(StringComparer.Ordinal)));

    /// <summary>Sets the saga's input.</summary>
    /// <param name="input">The input the workflow starts with.</param>
    /// <returns>The new explorer.</returns>
    public SagaExplorer WithInput(object? input) => new(state with { Input = input, HasInput = true });

    /// <summary>Sets what a step returns in the default world, <see cref="EffectLedger"/>.</summary>
    /// <param name="step">The step's method name.</param>
    /// <param name="result">Its result; choose values with content, so a value lost by the payload converter shows.</param>
    /// <returns>The new explorer.</returns>
    public SagaExplorer Returning(string step, object? result) =>
        new(state with { Results = new Dictionary<string, object?>(state.Results, StringComparer.Ordinal) { [state.Definition.Step(step).Name] = result } });

    /// <summary>Checks the saga against another model of the world, such as the real services its activities call.</summary>
    /// <param name="world">Creates a fresh world; called once for every world the explorer checks.</param>
    /// <returns>The new explorer.</returns>
    public SagaExplorer WithWorld(Func<SagaWorld> world) => new(state with { World = world ?? throw new ArgumentNullException(nameof(world)) });

    /// <summary>Explores another workflow class in place of the generated one: a hand-written or changed version of the saga.</summary>
    /// <param name="workflow">The workflow class.</param>
    /// <returns>The new explorer.</returns>
    public SagaExplorer ReplayedBy(Type workflow) => new(state with { Workflow = workflow ?? throw new ArgumentNullException(nameof(workflow)) });

    /// <summary>Sets how much can go wrong on one path.</summary>
    /// <param name="bounds">The bounds.</param>
    /// <returns>The new explorer.</returns>
    public SagaExplorer WithBounds(ExplorationBounds bounds) => new(state with { Bounds = bounds ?? throw new ArgumentNullException(nameof(bounds)) });

    /// <summary>Sets the ids of the explored run, from which every idempotency key derives.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="firstExecutionRunId">The first execution's run id.</param>
    /// <returns>The new explorer.</returns>
    public SagaExplorer WithWorkflowId(string workflowId, string firstExecutionRunId) =>
        new(state with { WorkflowId = workflowId, FirstExecutionRunId = firstExecutionRunId });

    /// <summary>Sets the data converter the saga's workers use; every argument and result goes through it.</summary>
    /// <param name="converter">The converter.</param>
    /// <returns>The new explorer.</returns>
    public SagaExplorer WithDataConverter(DataConverter converter) => new(state with { Converter = converter ?? throw new ArgumentNullException(nameof(converter)) });

    /// <summary>Explores every path within the bounds and checks each one.</summary>
    /// <param name="cancellationToken">Stops the exploration.</param>
    /// <returns>The report: paths, outcomes and violations.</returns>
    public async Task<ExplorationReport> ExploreAsync(CancellationToken cancellationToken = default)
    {
        var saga = state.Definition;
        if (saga.InputType is { IsValueType: false } inputType && !state.HasInput)
        {
            throw new InvalidOperationException($"Saga {saga.Name} takes a {inputType.Name}: give the explorer one with WithInput(...).");
        }

        var workflow = state.Workflow ?? saga.Workflow;
        var clock = Stopwatch.StartNew();
        var context = Context(state.WorkflowId, state.FirstExecutionRunId, state.Bounds);
        var engine = new ExplorationEngine(context, workflow, saga.TaskQueue);
        await engine.RunAsync(Root(context, workflow), cancellationToken).ConfigureAwait(false);
        await CheckKeysAcrossExecutionsAsync(context, workflow, cancellationToken).ConfigureAwait(false);
        clock.Stop();

        return new ExplorationReport(
            saga.Name,
            WorkflowDefinition.Create(workflow).Name ?? workflow.Name,
            state.Bounds,
            context.Paths,
            context.WorldsChecked,
            engine.Replays,
            context.Outcomes,
            context.Violations,
            clock.Elapsed);
    }

    /// <summary>
    /// Runs the saga's plain path once more as another execution (another workflow id and run) and
    /// checks that no key repeats: a service that deduplicates by key would take the second
    /// execution's calls for repeats of the first and do nothing.
    /// </summary>
    private async Task CheckKeysAcrossExecutionsAsync(ExplorationContext context, Type workflow, CancellationToken cancellationToken)
    {
        if (context.PlainRun is not { } plain)
        {
            return;
        }

        var other = Context(state.WorkflowId + "-again", OtherRunId, new ExplorationBounds(Cancels: 0, Faults: 0, state.Bounds.MaximumMoves));
        await new ExplorationEngine(other, workflow, state.Definition.TaskQueue).RunAsync(Root(other, workflow), cancellationToken).ConfigureAwait(false);
        var again = new HashSet<string>((other.PlainRun?.Activities ?? Array.Empty<ActivityRun>()).Select(activity => activity.Call.IdempotencyKey), StringComparer.Ordinal);
        foreach (var repeated in plain.Activities.Where(activity => activity.Call.IdempotencyKey.Length > 0 && again.Contains(activity.Call.IdempotencyKey)))
        {
            context.Violated(
                ViolationKind.KeysNotDistinct,
                repeated.Call.IdempotencyKey,
                $"{repeated.Label} has the key {repeated.Call.IdempotencyKey} in two executions of the saga (workflow ids {state.WorkflowId} and {state.WorkflowId}-again): a service deduplicating by key does nothing the second time",
                plain);
        }
    }

    private ExplorationContext Context(string workflowId, string firstExecutionRunId, ExplorationBounds bounds)
    {
        var (saga, results) = (state.Definition, state.Results);
        return new ExplorationContext(
            saga,
            state.World ?? (() => new EffectLedger(saga, results)),
            bounds,
            state.Converter,
            workflowId,
            firstExecutionRunId,
            state.Input);
    }

    private PathState Root(ExplorationContext context, Type workflow)
    {
        var saga = state.Definition;
        var input = saga.InputType is null ? Array.Empty<object?>() : new[] { state.Input };
        var workflowType = WorkflowDefinition.Create(workflow).Name ?? saga.WorkflowType;
        return new PathState(WorkflowHistoryBuilder.Opened(state.Converter, workflowType, context.WorkflowId, saga.TaskQueue, context.FirstExecutionRunId, input));
    }

    /// <summary>Everything an explorer is; each method returns a copy with one thing changed.</summary>
    private sealed record State(
        SagaDefinition Definition,
        string WorkflowId,
        string FirstExecutionRunId,
        Dictionary<string, object?> Results,
        object? Input = null,
        bool HasInput = false,
        Type? Workflow = null,
        Func<SagaWorld>? World = null,
        ExplorationBounds? Bounds = null,
        DataConverter? Converter = null)
    {
        public ExplorationBounds Bounds { get; init; } = Bounds ?? ExplorationBounds.Default;

        public DataConverter Converter { get; init; } = Converter ?? DataConverter.Default;
    }
}
