using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace SagaDsl.Runtime;

/// <summary>
/// A saga's deadline: a durable workflow timer that, when it fires before the pivot starts, cancels
/// the running step from within so the saga takes its normal compensation path. Once the pivot has
/// started the saga can only go forward, so a deadline passing then is reported and nothing else.
/// </summary>
/// <remarks>
/// Workflow code. Unlike a workflow execution timeout, which closes the workflow without running its
/// code, the deadline leaves the saga the time to undo what it did.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SagaDeadline
{
    private readonly SagaProgress progress;
    private readonly TimeSpan limit;
    private readonly CancellationTokenSource steps;
    private bool pivotStarted;
    private bool firedBeforePivot;

    /// <summary>Initializes a new instance of the <see cref="SagaDeadline"/> class and starts its timer.</summary>
    /// <param name="limit">How long after the start the steps before the pivot may run.</param>
    /// <param name="progress">The saga's progress, told when the deadline passes.</param>
    public SagaDeadline(TimeSpan limit, SagaProgress progress)
    {
        this.limit = limit;
        this.progress = progress ?? throw new ArgumentNullException(nameof(progress));
        steps = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        _ = WatchAsync();
    }

    /// <summary>Gets the token of the steps before the pivot: the workflow's, also cancelled when the deadline passes first.</summary>
    public CancellationToken Token => steps.Token;

    /// <summary>Puts a step before the pivot under the deadline.</summary>
    /// <param name="options">The step's options, a fresh instance.</param>
    /// <returns>The same options, cancelled with <see cref="Token"/>.</returns>
    public ActivityOptions Bound(ActivityOptions options)
    {
        (options ?? throw new ArgumentNullException(nameof(options))).CancellationToken = Token;
        return options;
    }

    /// <summary>Records that the pivot starts: from now on the deadline is only reported.</summary>
    public void PivotStarting()
    {
        Token.ThrowIfCancellationRequested();
        pivotStarted = true;
    }

    /// <summary>Names the deadline as the cause of a cancellation it brought about.</summary>
    /// <param name="failure">What ended the steps.</param>
    /// <returns>
    /// A <see cref="SagaFailureTypes.DeadlinePassed"/> failure caused by <paramref name="failure"/> when the
    /// deadline cancelled the steps and the workflow itself was not cancelled; else <paramref name="failure"/>.
    /// </returns>
    public Exception Explain(Exception failure)
    {
        if (!firedBeforePivot || Workflow.CancellationToken.IsCancellationRequested || !TemporalException.IsCanceledException(failure))
        {
            return failure;
        }

        return new ApplicationFailureException(
            $"Saga {progress.Saga}: its deadline of {limit} passed before the pivot",
            failure,
            SagaFailureTypes.DeadlinePassed,
            nonRetryable: true);
    }

    private async Task WatchAsync()
    {
        // Not on the workflow's token: a cancelled saga keeps its timer, and no cancel-timer command
        // is added to the tasks that compensate.
        await Workflow.DelayAsync(limit, CancellationToken.None);
        progress.DeadlinePassed(limit, acted: !pivotStarted);
        if (!pivotStarted)
        {
            firedBeforePivot = true;
            steps.Cancel();
        }
    }
}
