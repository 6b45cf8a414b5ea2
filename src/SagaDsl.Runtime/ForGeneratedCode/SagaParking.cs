using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace SagaDsl.Runtime;

/// <summary>
/// Where a saga waits for an operator: a compensation, or a critical step after the pivot, that failed
/// for good is parked until the workflow's <c>Retry</c> or <c>Skip</c> update says what to do with it.
/// </summary>
/// <remarks>
/// Workflow code. The wait ignores cancellation on purpose: cancelling cannot undo an effect or finish
/// a step after the pivot, so only an operator's decision (recorded in the history with its reason)
/// moves a parked saga on. Updates are validated against what is parked now, so a retry or skip of
/// anything else is rejected before it reaches the history.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SagaParking
{
    /// <summary>The error type of a rejected <c>Retry</c> or <c>Skip</c> update.</summary>
    public const string RejectedErrorType = "SagaOperatorDecisionRejected";

    private readonly SagaProgress progress;
    private readonly Dictionary<string, Parked> parked = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="SagaParking"/> class.</summary>
    /// <param name="progress">The saga's progress, which shows what is parked.</param>
    public SagaParking(SagaProgress progress) => this.progress = progress ?? throw new ArgumentNullException(nameof(progress));

    /// <summary>Parks a step or compensation that failed for good and waits until an operator decides.</summary>
    /// <param name="step">The step's method name (for a compensation, the step it undoes).</param>
    /// <param name="activity">The activity that failed.</param>
    /// <param name="failure">How it failed.</param>
    /// <param name="idempotencyKey">The key it ran with; a retry uses it again.</param>
    /// <param name="canSkip">
    /// Whether the saga can go on without it: not when it is a step whose result the saga returns or
    /// later steps take.
    /// </param>
    /// <returns>The operator's decision.</returns>
    public async Task<SagaOperatorDecision> WaitForOperatorAsync(string step, string activity, Exception failure, string idempotencyKey, bool canSkip)
    {
        var waiting = new Parked(StepFailure.From(step, activity, failure, idempotencyKey), canSkip);
        parked[step] = waiting;
        progress.Parked(waiting.Failure, failure);
        await Workflow.WaitConditionAsync(() => waiting.Decision is not null, CancellationToken.None).ConfigureAwait(true);
        parked.Remove(step);
        progress.Unparked(waiting.Failure, waiting.Decision!.Value, waiting.Reason);
        return waiting.Decision.Value;
    }

    /// <summary>Rejects a retry of anything that is not parked now.</summary>
    /// <param name="step">The parked step, or the step whose compensation is parked.</param>
    public void ValidateRetry(string step) => Find(step);

    /// <summary>Rejects a skip of anything that is not parked now, of a step the saga cannot go on without, or without a reason.</summary>
    /// <param name="step">The parked step, or the step whose compensation is parked.</param>
    /// <param name="reason">Why the saga may go on without it; recorded in the status, the result or failure, and the history.</param>
    public void ValidateSkip(string step, string reason) => FindSkippable(step, reason);

    /// <summary>Tells the saga to run a parked step or compensation again, with its key.</summary>
    /// <param name="step">The parked step, or the step whose compensation is parked.</param>
    /// <returns>A completed task: the update ends once the saga has taken the decision.</returns>
    public Task RetryAsync(string step)
    {
        // Validators do not run on replay, and two updates can be accepted in one task: check again.
        Find(step).Decide(SagaOperatorDecision.Retry, null);
        return Task.CompletedTask;
    }

    /// <summary>Tells the saga to go on without a parked step or compensation.</summary>
    /// <param name="step">The parked step, or the step whose compensation is parked.</param>
    /// <param name="reason">Why the saga may go on without it.</param>
    /// <returns>A completed task: the update ends once the saga has taken the decision.</returns>
    public Task SkipAsync(string step, string reason)
    {
        FindSkippable(step, reason).Decide(SagaOperatorDecision.Skip, reason);
        return Task.CompletedTask;
    }

    private Parked FindSkippable(string step, string reason)
    {
        var waiting = Find(step);
        if (!waiting.CanSkip)
        {
            throw Rejected($"step {step} returns a result the saga needs, so it cannot be skipped; fix its cause and retry it");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Rejected($"skipping {step} needs a reason, which the saga records");
        }

        return waiting;
    }

    private Parked Find(string step)
    {
        if (step is not null && parked.TryGetValue(step, out var waiting) && waiting.Decision is null)
        {
            return waiting;
        }

        var now = parked.Where(pair => pair.Value.Decision is null).Select(pair => pair.Key).ToList();
        throw Rejected(now.Count == 0
            ? $"it waits for no operator decision, so there is nothing to decide about {step}"
            : $"it waits for a decision about {string.Join(", ", now)}, not about {step}");
    }

    private ApplicationFailureException Rejected(string why) =>
        new($"Saga {progress.Saga}: {why}.", RejectedErrorType, nonRetryable: true);

    private sealed class Parked
    {
        public Parked(StepFailure failure, bool canSkip)
        {
            Failure = failure;
            CanSkip = canSkip;
        }

        public StepFailure Failure { get; }

        public bool CanSkip { get; }

        public SagaOperatorDecision? Decision { get; private set; }

        public string? Reason { get; private set; }

        public void Decide(SagaOperatorDecision decision, string? reason)
        {
            Decision = decision;
            Reason = reason;
        }
    }
}
