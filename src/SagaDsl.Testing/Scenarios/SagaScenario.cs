using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using SagaDsl.Testing.Replay;
using Temporalio.Common;

namespace SagaDsl.Testing.Scenarios;

/// <summary>
/// One run of a saga described by what each step does: "ReserveInventory returns R1,
/// ProcessPayment fails with PaymentDeclined". Running it writes the history a correct saga must
/// produce for those outcomes, replays it through the Temporal SDK's replayer with the generated
/// workflow, and compares what the workflow did with what it must do.
/// </summary>
/// <remarks>
/// Scenarios are immutable: every method returns a new scenario, so one base scenario (input and
/// step results) branches into many. Steps whose outcome is not declared complete, returning the
/// default value of their result type.
/// </remarks>
public sealed class SagaScenario
{
    private const string DefaultRunId = "5a6a0000-0000-4000-8000-000000000001";

    private readonly State state;

    private SagaScenario(State state) => this.state = state;

    /// <summary>Gets the saga.</summary>
    public SagaDefinition Definition => state.Definition;

    /// <summary>Gets the scenario's name: the one given, or a description of its outcomes.</summary>
    public string Name => state.Name ?? Describe();

    /// <summary>Gets the saga's input.</summary>
    public object? Input => state.Input;

    /// <summary>Gets the workflow id of the replayed run; idempotency keys start with it.</summary>
    public string WorkflowId => state.WorkflowId;

    /// <summary>Gets the run id of the replayed run, which seeds the workflow's randomness and so the scopes of its keys.</summary>
    public string FirstExecutionRunId => state.FirstExecutionRunId;

    /// <summary>Gets the step during which cancellation is requested, if any.</summary>
    public string? CancelledStep => state.CancelledStep;

    /// <summary>Gets the steps that fail or time out in this scenario, in step order: what to inject into real activities.</summary>
    public IReadOnlyList<string> FailingSteps =>
        Definition.Steps.Where(step => state.Steps.TryGetValue(step.Name, out var outcome) && outcome.IsFailure).Select(step => step.Name).ToList();

    /// <summary>Gets the compensation methods that fail or time out in this scenario when they run.</summary>
    public IReadOnlyList<string> FailingCompensations =>
        Definition.Steps.Where(step => state.Compensations.TryGetValue(step.Name, out var outcome) && outcome.IsFailure).Select(step => step.Compensation!.Name).ToList();

    internal bool HasInput => state.HasInput;

    internal Type? Workflow => state.Workflow;

    /// <summary>Starts describing a run of the saga in which every step completes.</summary>
    /// <param name="definition">The saga, from <c>{Saga}Workflow.Definition</c>.</param>
    /// <returns>The scenario.</returns>
    public static SagaScenario For(SagaDefinition definition) =>
        new(new State(
            definition ?? throw new ArgumentNullException(nameof(definition)),
            WorkflowId: definition.Name.ToLowerInvariant() + "-scenario",
            FirstExecutionRunId: DefaultRunId,
            Steps: new Dictionary<string, ActivityOutcome>(StringComparer.Ordinal),
            Compensations: new Dictionary<string, ActivityOutcome>(StringComparer.Ordinal)));

    /// <summary>Sets the saga's input.</summary>
    /// <param name="input">The input the workflow starts with.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario WithInput(object? input) =>
        new(state with { Input = input, HasInput = true });

    /// <summary>Names the scenario in reports.</summary>
    /// <param name="scenarioName">The name.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario Named(string scenarioName) =>
        new(state with { Name = scenarioName });

    /// <summary>
    /// Sets the ids of the replayed run. Keys start with the workflow id; their scope comes from the
    /// run id, so a scenario checks each key by its step and each compensation's key by the key its
    /// step ran with, writing the scope as <c>…</c>.
    /// </summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="firstExecutionRunId">The first execution's run id.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario WithWorkflowId(string workflowId, string firstExecutionRunId) =>
        new(state with { WorkflowId = workflowId, FirstExecutionRunId = firstExecutionRunId });

    /// <summary>
    /// Replays the scenario with another workflow class registered under the saga's workflow type:
    /// a hand-written or changed version that must still behave like the generated saga.
    /// </summary>
    /// <param name="workflow">The workflow class.</param>
    /// <returns>The new scenario.</returns>
    public SagaScenario ReplayedBy(Type workflow) =>
        new(state with { Workflow = workflow ?? throw new ArgumentNullException(nameof(workflow)) });

    /// <summary>
    /// The same run on another shape of the saga, from <c>{Saga}Workflow.Shapes</c>: the input and the
    /// outcomes of the steps and compensations that shape has, replayed by the same workflow class. This is
    /// how an execution that began on an older shape is proven to finish on the current workflow.
    /// </summary>
    /// <param name="shape">The shape.</param>
    /// <returns>The scenario on that shape; outcomes of steps it does not run are dropped.</returns>
    public SagaScenario OnShape(SagaDefinition shape)
    {
        var steps = new HashSet<string>(shape.Steps.Select(static step => step.Name), StringComparer.Ordinal);
        var compensated = new HashSet<string>(shape.Steps.Where(static step => step.Compensation is not null).Select(static step => step.Name), StringComparer.Ordinal);
        return new(state with
        {
            Definition = shape ?? throw new ArgumentNullException(nameof(shape)),
            Steps = state.Steps.Where(pair => steps.Contains(pair.Key)).ToDictionary(static pair => pair.Key, static pair => pair.Value, StringComparer.Ordinal),
            Compensations = state.Compensations.Where(pair => compensated.Contains(pair.Key)).ToDictionary(static pair => pair.Key, static pair => pair.Value, StringComparer.Ordinal),
            CancelledStep = state.CancelledStep is { } cancelled && steps.Contains(cancelled) ? cancelled : null,
            Workflow = state.Workflow ?? Definition.Workflow,
        });
    }

    /// <summary>Declares what a step does.</summary>
    /// <param name="step">The step's method name, best written <c>nameof(MySaga.Step)</c>.</param>
    /// <returns>The outcomes to choose from.</returns>
    public StepOutcomes Step(string step) => new(this, Definition.Step(step));

    /// <summary>Declares what the compensation of a step does when it runs.</summary>
    /// <param name="step">The method name of the step being undone.</param>
    /// <returns>The outcomes to choose from.</returns>
    public CompensationOutcomes Compensation(string step)
    {
        var declared = Definition.Step(step);
        if (declared.Compensation is null)
        {
            throw new ArgumentException($"Step {step} of saga {Definition.Name} has no compensation.", nameof(step));
        }

        return new CompensationOutcomes(this, declared);
    }

    /// <summary>A client requests cancellation of the saga while <paramref name="step"/> runs.</summary>
    /// <param name="step">The step's method name.</param>
    /// <returns>The new scenario.</returns>
    /// <remarks>
    /// Before the pivot the step's activity is cancelled (its declared outcome never arrives) and the
    /// completed steps are compensated. From the pivot on, cancellation is not obeyed: the step ends
    /// with its declared outcome and the saga goes on.
    /// </remarks>
    public SagaScenario CancelledDuring(string step) =>
        new(state with { CancelledStep = Definition.Step(step).Name });

    /// <summary>Replays the scenario and compares what the workflow did with what the saga must do.</summary>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <returns>The result: check <see cref="SagaScenarioResult.Verified"/> or call <see cref="SagaScenarioResult.EnsureVerified"/>.</returns>
    public async Task<SagaScenarioResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var expected = ScenarioOracle.Expect(this);
        var replayed = await SagaReplayer.ReplayAsync(Definition, expected.History, Workflow, cancellationToken).ConfigureAwait(false);
        return SagaScenarioResult.Compare(Name, expected, replayed);
    }

    /// <summary>
    /// Replays a history recorded elsewhere (a real server's) and compares what the workflow did in
    /// it with what this scenario expects. Idempotency keys are expected with the history's ids.
    /// </summary>
    /// <param name="history">The history, e.g. from <c>WorkflowHandle.FetchHistoryAsync</c>.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <returns>The result.</returns>
    public async Task<SagaScenarioResult> VerifyHistoryAsync(WorkflowHistory history, CancellationToken cancellationToken = default)
    {
        var started = (history ?? throw new ArgumentNullException(nameof(history))).Events.First().WorkflowExecutionStartedEventAttributes;
        var expected = ScenarioOracle.Expect(WithWorkflowId(started.WorkflowId, started.FirstExecutionRunId));
        var replayed = await SagaReplayer.ReplayAsync(Definition, history, Workflow, cancellationToken).ConfigureAwait(false);
        return SagaScenarioResult.Compare(Name, expected, replayed);
    }

    internal ActivityOutcome OutcomeOf(SagaStepDefinition step) =>
        state.Steps.TryGetValue(step.Name, out var outcome) ? outcome : ActivityOutcome.CompletedWithDefault(step.ResultType);

    internal ActivityOutcome CompensationOutcomeOf(SagaStepDefinition step) =>
        state.Compensations.TryGetValue(step.Name, out var outcome) ? outcome : ActivityOutcome.Completed(null);

    internal SagaScenario WithStep(SagaStepDefinition step, ActivityOutcome outcome)
    {
        CheckReachable(step.Name, step.MaximumAttempts, outcome);
        return new(state with { Steps = With(state.Steps, step.Name, outcome) });
    }

    internal SagaScenario WithCompensation(SagaStepDefinition step, ActivityOutcome outcome)
    {
        CheckReachable(step.Compensation!.Name, step.Compensation.MaximumAttempts, outcome);
        return new(state with { Compensations = With(state.Compensations, step.Name, outcome) });
    }

    private static Dictionary<string, ActivityOutcome> With(Dictionary<string, ActivityOutcome> outcomes, string key, ActivityOutcome outcome) =>
        new(outcomes, StringComparer.Ordinal) { [key] = outcome };

    /// <summary>
    /// Rejects outcomes Temporal never delivers: with unlimited attempts, a retryable failure or a
    /// per-attempt timeout is retried forever and the workflow never sees it.
    /// </summary>
    private static void CheckReachable(string activity, int maximumAttempts, ActivityOutcome outcome)
    {
        if (maximumAttempts != 0)
        {
            return;
        }

        if (outcome.IsRetried)
        {
            throw new InvalidOperationException(
                $"{activity} retries without limit, so {outcome.Describe(activity)} never reaches the workflow. "
                + "Declare a non-retryable failure or a schedule-to-close timeout instead.");
        }
    }

    private string Describe()
    {
        var parts = new List<string>();
        foreach (var step in Definition.Steps)
        {
            if (step.Name == CancelledStep)
            {
                parts.Add("cancelled during " + step.Name);
            }

            if (state.Steps.TryGetValue(step.Name, out var outcome) && outcome.IsFailure)
            {
                parts.Add(outcome.Describe(step.Name));
            }
        }

        foreach (var step in Definition.Steps.Reverse())
        {
            if (state.Compensations.TryGetValue(step.Name, out var outcome) && outcome.IsFailure)
            {
                parts.Add(outcome.Describe(step.Compensation!.Name));
            }
        }

        return parts.Count == 0 ? "every step completes" : string.Join(", ", parts);
    }

    /// <summary>Everything a scenario is; each method returns a copy with one thing changed.</summary>
    private sealed record State(
        SagaDefinition Definition,
        string WorkflowId,
        string FirstExecutionRunId,
        Dictionary<string, ActivityOutcome> Steps,
        Dictionary<string, ActivityOutcome> Compensations,
        object? Input = null,
        bool HasInput = false,
        string? Name = null,
        Type? Workflow = null,
        string? CancelledStep = null);
}
