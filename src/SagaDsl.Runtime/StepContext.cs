using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Temporalio.Activities;

namespace SagaDsl;

/// <summary>
/// What a step or compensation knows about its own execution: the idempotency key to hand to the
/// system it calls, the attempt, cancellation, and heartbeats for long steps that resume.
/// </summary>
/// <remarks>
/// The generated activity adapters create it from the running Temporal activity. Unit tests of
/// step methods create it with the public constructor and read <see cref="RecordedHeartbeats"/>.
/// </remarks>
public sealed class StepContext
{
    private readonly ActivityExecutionContext? activity;
    private readonly IReadOnlyList<object?> lastHeartbeatDetails;
    private readonly List<object?[]> recordedHeartbeats = new();

    /// <summary>Initializes a new instance of the <see cref="StepContext"/> class outside Temporal, for tests.</summary>
    /// <param name="stepName">The step or compensation name, e.g. <c>"OrderSaga.ReserveInventory"</c>.</param>
    /// <param name="idempotencyKey">The idempotency key.</param>
    /// <param name="attempt">The attempt, from 1.</param>
    /// <param name="lastHeartbeatDetails">The details of the previous attempt's last heartbeat.</param>
    /// <param name="cancellationToken">The token that signals cancellation.</param>
    public StepContext(
        string stepName,
        string idempotencyKey,
        int attempt = 1,
        IReadOnlyList<object?>? lastHeartbeatDetails = null,
        CancellationToken cancellationToken = default)
    {
        StepName = stepName;
        IdempotencyKey = idempotencyKey;
        Attempt = attempt;
        CancellationToken = cancellationToken;
        this.lastHeartbeatDetails = lastHeartbeatDetails ?? Array.Empty<object?>();
    }

    private StepContext(string stepName, string idempotencyKey, ActivityExecutionContext activity)
        : this(stepName, idempotencyKey, activity.Info.Attempt, null, activity.CancellationToken) =>
        this.activity = activity;

    /// <summary>Gets the activity name of the step or compensation.</summary>
    public string StepName { get; }

    /// <summary>
    /// Gets the key that identifies this step of this saga execution: the same on every retry,
    /// after a worker crash and after a workflow reset; different for every other saga execution.
    /// Pass it to the system the step calls so a repeated call has no second effect.
    /// </summary>
    public string IdempotencyKey { get; }

    /// <summary>
    /// Gets the key of the step this call belongs to: a step's own <see cref="IdempotencyKey"/>, or,
    /// in a compensation, the key of the step it undoes. A compensation that finds the effect to
    /// undo by this key undoes it even when the step's answer was lost (a timeout, a cancel), which a
    /// compensation that needs the step's result cannot.
    /// </summary>
    public string StepKey => Runtime.IdempotencyKey.StepKeyOf(IdempotencyKey);

    /// <summary>Gets the attempt, from 1.</summary>
    public int Attempt { get; }

    /// <summary>Gets the token cancelled when the saga or the worker cancels this attempt.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets whether the previous attempt recorded heartbeat details to resume from.</summary>
    public bool HasLastHeartbeat => LastHeartbeatCount > 0;

    private int LastHeartbeatCount => activity is null ? lastHeartbeatDetails.Count : activity.Info.HeartbeatDetails.Count;

    /// <summary>Gets the heartbeats recorded through a context made for tests.</summary>
    public IReadOnlyList<object?[]> RecordedHeartbeats => recordedHeartbeats;

    /// <summary>
    /// Reports progress so Temporal knows the step is alive and a retry can resume from
    /// <paramref name="details"/>. Needs a heartbeat timeout on the step to detect a stuck worker.
    /// </summary>
    /// <param name="details">What a later attempt needs to resume.</param>
    public void Heartbeat(params object?[] details)
    {
        if (activity is null)
        {
            recordedHeartbeats.Add(details);
        }
        else
        {
            activity.Heartbeat(details);
        }
    }

    /// <summary>Reads one detail of the previous attempt's last heartbeat.</summary>
    /// <typeparam name="T">The detail's type.</typeparam>
    /// <param name="index">The detail's position.</param>
    /// <returns>The detail.</returns>
    /// <exception cref="InvalidOperationException">
    /// There is no such detail: this is the first attempt, or the previous one heartbeated fewer
    /// details. Check <see cref="HasLastHeartbeat"/>, or use <see cref="GetLastHeartbeatOrDefaultAsync{T}"/>.
    /// </exception>
    public Task<T> GetLastHeartbeatAsync<T>(int index = 0)
    {
        if (index < 0 || index >= LastHeartbeatCount)
        {
            throw new InvalidOperationException(
                $"{StepName} has no heartbeat detail {index} to resume from on attempt {Attempt}: the previous attempt recorded {LastHeartbeatCount}. Check HasLastHeartbeat first, or use GetLastHeartbeatOrDefaultAsync.");
        }

        return activity is not null
            ? activity.Info.HeartbeatDetailAtAsync<T>(index)
            : Task.FromResult((T)lastHeartbeatDetails[index]!);
    }

    /// <summary>Reads one detail of the previous attempt's last heartbeat, or a default where there is none, as on the first attempt.</summary>
    /// <typeparam name="T">The detail's type.</typeparam>
    /// <param name="defaultValue">What to resume from when the previous attempt left no such detail.</param>
    /// <param name="index">The detail's position.</param>
    /// <returns>The detail, or <paramref name="defaultValue"/>.</returns>
    public Task<T> GetLastHeartbeatOrDefaultAsync<T>(T defaultValue, int index = 0) =>
        index >= 0 && index < LastHeartbeatCount ? GetLastHeartbeatAsync<T>(index) : Task.FromResult(defaultValue);

    /// <summary>Creates the context of the activity running on this thread.</summary>
    /// <param name="stepName">The activity name of the step or compensation.</param>
    /// <param name="idempotencyKey">The key the workflow derived for it.</param>
    /// <returns>The context.</returns>
    public static StepContext FromCurrentActivity(string stepName, string idempotencyKey) =>
        new(stepName, idempotencyKey, ActivityExecutionContext.Current);
}
