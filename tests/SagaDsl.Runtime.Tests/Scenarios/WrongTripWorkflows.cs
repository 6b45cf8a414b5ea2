using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime.Tests.Sagas;
using Temporalio.Exceptions;
using Temporalio.Workflows;

namespace SagaDsl.Runtime.Tests.Scenarios;

/// <summary>
/// Hand-written TripSaga workflows, each wrong in exactly one way, to prove the scenario kit cannot
/// be fooled: they run the right steps with the right keys, and differ only in how they compensate.
/// </summary>
internal static class WrongTripWorkflows
{
    private const string Queue = "travel";

    public static async Task<TripSagaResult> RunAsync(Trip trip, Func<IReadOnlyList<Func<Task>>, Task> compensate, bool detached = true, bool freshCompensationKeys = false)
    {

        var undo = new List<Func<Task>>();
        var result = new TripSagaResult();
        try
        {
            result.BookFlight = await Workflow.ExecuteActivityAsync((TripSaga.Activities a) => a.BookFlight(trip, Key("BookFlight")), Options(3));
            var flightUndoKey = CompensationKey("BookFlight", freshCompensationKeys);
            undo.Add(() => Workflow.ExecuteActivityAsync((TripSaga.Activities a) => a.CancelFlight(trip, flightUndoKey), Options(10, detached)));
            result.BookHotel = await Workflow.ExecuteActivityAsync((TripSaga.Activities a) => a.BookHotel(trip, Key("BookHotel")), Options(3));
            var hotelUndoKey = CompensationKey("BookHotel", freshCompensationKeys);
            undo.Add(() => Workflow.ExecuteActivityAsync((TripSaga.Activities a) => a.CancelHotel(trip, hotelUndoKey), Options(10, detached)));
            await Workflow.ExecuteActivityAsync((TripSaga.Activities a) => a.RentCar(trip, Key("RentCar")), Options(3));
            return result;
        }
        catch (ActivityFailureException failure)
        {
            await compensate(undo);
            throw new ApplicationFailureException("compensated", failure, SagaFailureTypes.Compensated, nonRetryable: true, details: new object[] { new[] { "BookHotel", "BookFlight" } });
        }
    }

    private static string CompensationKey(string step, bool fresh) =>
        IdempotencyKey.ForCompensation(fresh ? IdempotencyKey.NewForStep("TripSaga." + step) : Key(step));

    private static string Key(string step) => IdempotencyKey.ForStep(Workflow.Info.WorkflowId, Workflow.Info.FirstExecutionRunId, "TripSaga." + step);

    private static ActivityOptions Options(int attempts, bool detached = false) => new()
    {
        StartToCloseTimeout = TimeSpan.FromMinutes(1),
        TaskQueue = Queue,
        RetryPolicy = new() { MaximumAttempts = attempts },
        CancellationToken = detached ? CancellationToken.None : null,
    };
}

/// <summary>Undoes the bookings all at once, but the flight first: oldest first instead of newest first.</summary>
[Workflow("TripSaga")]
public sealed class OldestFirstTripWorkflow
{
    [WorkflowRun]
    public Task<TripSagaResult> RunAsync(Trip trip) =>
        WrongTripWorkflows.RunAsync(trip, undo => Workflow.WhenAllAsync(undo.Select(compensation => compensation())));
}

/// <summary>Undoes the bookings newest first, but one after the other instead of all at once.</summary>
[Workflow("TripSaga")]
public sealed class OneByOneTripWorkflow
{
    [WorkflowRun]
    public Task<TripSagaResult> RunAsync(Trip trip) =>
        WrongTripWorkflows.RunAsync(trip, async undo =>
        {
            foreach (var compensation in undo.Reverse())
            {
                await compensation();
            }
        });
}

/// <summary>Undoes the bookings correctly, but on the workflow's cancellation token, so a cancelled trip is never undone.</summary>
[Workflow("TripSaga")]
public sealed class AttachedTripWorkflow
{
    [WorkflowRun]
    public Task<TripSagaResult> RunAsync(Trip trip) =>
        WrongTripWorkflows.RunAsync(trip, undo => Workflow.WhenAllAsync(undo.Reverse().Select(compensation => compensation())), detached: false);
}

/// <summary>Undoes the bookings newest first and all at once, but under keys of its own: no service finds the booking to cancel.</summary>
[Workflow("TripSaga")]
public sealed class FreshKeyTripWorkflow
{
    [WorkflowRun]
    public Task<TripSagaResult> RunAsync(Trip trip) =>
        WrongTripWorkflows.RunAsync(trip, undo => Workflow.WhenAllAsync(undo.Reverse().Select(compensation => compensation())), freshCompensationKeys: true);
}
