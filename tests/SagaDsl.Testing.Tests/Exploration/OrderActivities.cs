using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Runtime;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Tests.Exploration;

/// <summary>
/// The OrderSaga's activities by name, for hand-written workflows: calling them by name keeps the
/// workflows independent of the generated adapters' signatures, which only the world sees.
/// </summary>
internal static class OrderActivities
{
    public static string Key(string activity) =>
        IdempotencyKey.ForStep(Workflow.Info.WorkflowId, Workflow.Info.FirstExecutionRunId, activity);

    public static Task<T> CallAsync<T>(string activity, ActivityOptions options, params object?[] arguments) =>
        Workflow.ExecuteActivityAsync<T>(activity, arguments, options);

    public static Task CallAsync(string activity, ActivityOptions options, params object?[] arguments) =>
        Workflow.ExecuteActivityAsync(activity, arguments, options);

    public static ActivityOptions Options(
        int attempts,
        string? queue = null,
        bool detached = false,
        ActivityCancellationType cancellation = ActivityCancellationType.TryCancel,
        IReadOnlyCollection<string>? nonRetryable = null) => new()
        {
            StartToCloseTimeout = TimeSpan.FromSeconds(30),
            TaskQueue = queue,
            RetryPolicy = new() { MaximumAttempts = attempts, NonRetryableErrorTypes = nonRetryable },
            CancellationToken = detached ? CancellationToken.None : null,
            CancellationType = cancellation,
        };

    public static OrderSagaResult Result(Reservation reservation, PaymentReceipt receipt, IReadOnlyList<StepFailure> warnings) =>
        new() { ReserveInventory = reservation, ProcessPayment = receipt, NonCriticalFailures = warnings };
}
