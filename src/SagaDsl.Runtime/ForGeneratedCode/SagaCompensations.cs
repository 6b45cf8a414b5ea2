using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading.Tasks;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace SagaDsl.Runtime;

/// <summary>
/// The compensations of the steps a saga workflow has completed, undone in reverse order (or all
/// at once) when a critical step fails or the saga is cancelled before its pivot.
/// </summary>
/// <remarks>
/// Workflow code: it runs inside the generated workflow and uses only deterministic Temporal APIs.
/// Each pushed compensation schedules its activity with a cancellation token detached from the
/// workflow's, so a cancelled saga still undoes its work.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SagaCompensations
{
    private readonly SagaProgress progress;
    private readonly SagaParking parking;
    private readonly bool parallel;
    private readonly List<Entry> entries = new();

    /// <summary>Initializes a new instance of the <see cref="SagaCompensations"/> class.</summary>
    /// <param name="progress">The saga's progress, which its status query reads.</param>
    /// <param name="parking">
    /// Where a compensation that failed for good waits for an operator's decision: the workflow must
    /// offer its <c>Retry</c> and <c>Skip</c> updates, or such a compensation waits for ever.
    /// </param>
    /// <param name="parallel">Whether compensations run all at once.</param>
    public SagaCompensations(SagaProgress progress, SagaParking parking, bool parallel)
    {
        this.progress = progress ?? throw new ArgumentNullException(nameof(progress));
        this.parking = parking ?? throw new ArgumentNullException(nameof(parking));
        this.parallel = parallel;
    }

    /// <summary>Gets how many compensations are pending.</summary>
    public int Count => entries.Count;

    /// <summary>Records the compensation of a step that just completed.</summary>
    /// <param name="step">The step's method name.</param>
    /// <param name="activity">The compensation's activity name.</param>
    /// <param name="idempotencyKey">The compensation's key, the same for every run of it.</param>
    /// <param name="compensate">Schedules the compensation activity with a detached token.</param>
    public void Push(string step, string activity, string idempotencyKey, Func<Task> compensate)
    {
        entries.Add(new Entry(step, activity, idempotencyKey, compensate));
        progress.CompensationPushed(step);
    }

    /// <summary>
    /// Takes back the newest compensation of <paramref name="step"/>: pushed before the step ran,
    /// because it may take effect however it ends, and withdrawn when its answer was a definite "no".
    /// </summary>
    /// <param name="step">The step's method name.</param>
    /// <exception cref="InvalidOperationException">No compensation of <paramref name="step"/> is pending.</exception>
    public void Withdraw(string step)
    {
        var newest = entries.FindLastIndex(entry => entry.Step == step);
        if (newest < 0)
        {
            throw new InvalidOperationException($"Saga {progress.Saga}: no compensation of step {step} is pending to withdraw.");
        }

        entries.RemoveAt(newest);
        progress.CompensationWithdrawn(step);
    }

    /// <summary>
    /// Records a step that may have taken effect but cannot be undone here: its compensation needs
    /// the result the step never returned. The saga then ends <see cref="SagaFailureTypes.OutcomeUncertain"/>.
    /// </summary>
    /// <param name="step">The step's method name.</param>
    /// <param name="activity">The step's activity name.</param>
    /// <param name="idempotencyKey">The step's key, by which its effect can be found.</param>
    /// <param name="failure">How the step ended.</param>
    public void Owe(string step, string activity, string idempotencyKey, Exception failure) =>
        progress.Owe(step, activity, idempotencyKey, failure);

    /// <summary>
    /// Runs every pending compensation, each to its own end. One that fails for good is parked until
    /// an operator retries or skips it; run newest first, the older ones wait for that decision, so
    /// nothing is undone while an effect that may depend on it still holds.
    /// </summary>
    /// <param name="cause">The step failure or cancellation that ends the saga.</param>
    /// <returns>
    /// What the workflow throws next: a <see cref="SagaFailureTypes.CompensationFailed"/> failure
    /// listing every compensation an operator skipped and every step owed; else an
    /// <see cref="SagaFailureTypes.OutcomeUncertain"/> failure listing the steps owed; else the
    /// cancellation itself, so the workflow ends as cancelled; else a
    /// <see cref="SagaFailureTypes.Compensated"/> failure caused by <paramref name="cause"/>.
    /// </returns>
    public async Task<Exception> CompensateAsync(Exception cause)
    {
        progress.Compensating(entries.Count, cause);
        var order = Enumerable.Reverse(entries).ToList();
        entries.Clear();

        if (parallel)
        {
            await Workflow.WhenAllAsync(order.Select(RunAsync));
        }
        else
        {
            foreach (var entry in order)
            {
                await RunAsync(entry);
            }
        }

        var failures = progress.FailedCompensations;
        var owed = progress.Owed;
        var end = failures.Count > 0 ? SagaPhase.CompensationFailed
            : owed.Count > 0 ? SagaPhase.OutcomeUncertain
            : TemporalException.IsCanceledException(cause) ? SagaPhase.Cancelled
            : SagaPhase.Compensated;
        progress.Ended(end);
        return end switch
        {
            SagaPhase.CompensationFailed => new ApplicationFailureException(
                $"Saga {progress.Saga}: {failures.Count} compensation(s) failed and were skipped ({string.Join("; ", failures.Select(failure => $"{failure.Step}: {failure.SkippedBecause}"))}){Owing()} after: {cause.Message}",
                cause,
                SagaFailureTypes.CompensationFailed,
                nonRetryable: true,
                details: new object[] { failures.Concat(owed).ToArray() }),
            SagaPhase.OutcomeUncertain => new ApplicationFailureException(
                $"Saga {progress.Saga}: compensated what it could{Owing()} after: {cause.Message}",
                cause,
                SagaFailureTypes.OutcomeUncertain,
                nonRetryable: true,
                details: new object[] { owed.ToArray() }),
            SagaPhase.Cancelled => cause,
            _ => new ApplicationFailureException(
                $"Saga {progress.Saga} was compensated after: {cause.Message}",
                cause,
                SagaFailureTypes.Compensated,
                nonRetryable: true,
                details: new object[] { order.Select(entry => entry.Step).ToArray() }),
        };
    }

    private string Owing()
    {
        var owed = progress.Owed;
        return owed.Count == 0 ? string.Empty : $"; {owed.Count} step(s) may have taken effect and could not be undone ({string.Join(", ", owed.Select(step => step.Step))})";
    }

    /// <summary>
    /// Runs one compensation until it has a definite answer. A compensation that used up its attempts
    /// or timed out may still succeed, and under the service contract asking again with the same key
    /// undoes nothing twice, so it runs again. The service's definite "no" (a non-retryable error)
    /// would not change on a repeat until someone fixes its cause, so it waits for an operator: a
    /// retry runs it again with its key, a skip leaves the effect in place with the operator's reason.
    /// </summary>
    private async Task RunAsync(Entry entry)
    {
        for (var rounds = 1; ; rounds++)
        {
            progress.CompensationRunning();
            try
            {
                await entry.Compensate();
                progress.Compensated(entry.Step);
                return;
            }
            catch (ActivityFailureException e) when (SagaFailures.TookNoEffect(e, maximumAttempts: 0))
            {
                if (await parking.WaitForOperatorAsync(entry.Step, entry.Activity, e, entry.IdempotencyKey, canSkip: true) == SagaOperatorDecision.Skip)
                {
                    return;
                }
            }
            catch (ActivityFailureException e)
            {
                progress.CompensationRetrying(entry.Step, entry.Activity, rounds, e);
            }
        }
    }

    private sealed record Entry(string Step, string Activity, string IdempotencyKey, Func<Task> Compensate);
}
