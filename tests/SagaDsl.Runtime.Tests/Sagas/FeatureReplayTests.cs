using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Testing.History;
using SagaDsl.Testing.Replay;
using Temporalio.Exceptions;
using Xunit;

namespace SagaDsl.Runtime.Tests.Sagas;

/// <summary>Parallel compensation and the pivot, proven by replay like the OrderSaga.</summary>
public class FeatureReplayTests
{
    private const string RunId = "run-1";
    private static readonly Trip Trip = new("t1");
    private static readonly Transfer Transfer = new("x1", 10m);

    [Fact]
    public async Task Parallel_compensation_schedules_every_compensation_in_one_workflow_task()
    {
        var builder = new WorkflowHistoryBuilder("TripSaga", "trip-1", "travel", RunId, Trip)
            .Completes("TripSaga.BookFlight", "travel", new Flight("LH-t1"))
            .Completes("TripSaga.BookHotel", "travel", new Hotel("Ritz"))
            .Fails("TripSaga.RentCar", "travel", "NoCars", "no cars left");
        var hotel = builder.Schedule("TripSaga.CancelHotel", "travel");
        var flight = builder.Schedule("TripSaga.CancelFlight", "travel");
        var history = builder.Complete(flight, null).Complete(hotel, null).EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(TripSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Equal(
            new[] { "TripSaga.BookFlight", "TripSaga.BookHotel", "TripSaga.RentCar", "TripSaga.CancelHotel", "TripSaga.CancelFlight" },
            replay.Calls.Select(call => call.Activity));
        var compensations = replay.Calls.Skip(3).ToList();
        Assert.Equal(compensations[0].HistoryLength, compensations[1].HistoryLength);
        Assert.Equal(SagaFailureTypes.Compensated, Assert.IsType<ApplicationFailureException>(replay.Failure).ErrorType);
    }

    [Fact]
    public async Task Failure_after_the_pivot_compensates_nothing_and_waits_for_an_operator()
    {
        var history = Posted()
            .Fails("TransferSaga.Reconcile", "bank", "LedgerLocked", "ledger locked");

        var replay = await SagaReplayer.ReplayAsync(TransferSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.Null(replay.Failure);
        Assert.Equal(new[] { "TransferSaga.PlaceHold", "TransferSaga.Post", "TransferSaga.Reconcile" }, replay.Calls.Select(call => call.Activity));
        var reconcile = replay.Calls[2];
        Assert.True(reconcile.Detached);
        Assert.Equal(0, reconcile.MaximumAttempts);
        var status = Assert.IsType<SagaStatus>(replay.Status);
        Assert.Equal(SagaPhase.WaitingForOperator, status.Phase);
        Assert.Equal(("Reconcile", "LedgerLocked", reconcile.IdempotencyKey), (status.WaitingForOperator[0].Step, status.WaitingForOperator[0].ErrorType, status.WaitingForOperator[0].IdempotencyKey));
    }

    [Fact]
    public async Task A_retried_step_after_the_pivot_keeps_its_key_and_a_skipped_one_is_in_the_result()
    {
        var history = Posted()
            .Fails("TransferSaga.Reconcile", "bank", "LedgerLocked", "ledger locked");
        var retry = history.UpdateAccepted("Retry", "retry-1", "Reconcile");
        history.UpdateCompleted(retry).Fails("TransferSaga.Reconcile", "bank", "LedgerLocked", "ledger still locked");
        var skip = history.UpdateAccepted("Skip", "skip-1", "Reconcile", "reconciled by the night batch");
        history.UpdateCompleted(skip).Completes("TransferSaga.Archive", "bank", "archived").EndsCompleted(null);

        var replay = await SagaReplayer.ReplayAsync(TransferSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        var reconciles = replay.Calls.Where(call => call.Activity == "TransferSaga.Reconcile").ToList();
        Assert.Equal(2, reconciles.Count);
        Assert.Equal(reconciles[0].IdempotencyKey, reconciles[1].IdempotencyKey);
        var result = Assert.IsType<TransferSagaResult>(replay.Result);
        Assert.Equal("archived", result.Archive);
        var skipped = Assert.Single(result.SkippedSteps);
        Assert.Equal(("Reconcile", "ledger still locked", "reconciled by the night batch"), (skipped.Step, skipped.Message, skipped.SkippedBecause));
    }

    [Fact]
    public async Task Cancellation_after_the_pivot_is_not_obeyed_and_the_saga_completes()
    {
        var builder = Posted();
        var reconcile = builder.Schedule("TransferSaga.Reconcile", "bank");
        var history = builder
            .CancelRequested()
            .Complete(reconcile, null)
            .Completes("TransferSaga.Archive", "bank", "archived")
            .EndsCompleted(null);

        var replay = await SagaReplayer.ReplayAsync(TransferSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        var result = Assert.IsType<TransferSagaResult>(replay.Result);
        Assert.Equal("archived", result.Archive);
        Assert.Equal("P-x1", result.Post.Id);
    }

    [Fact]
    public async Task Cancellation_during_the_pivot_lets_it_reach_its_answer_and_the_saga_completes()
    {
        var builder = new WorkflowHistoryBuilder("TransferSaga", "transfer-1", "bank", RunId, Transfer)
            .Completes("TransferSaga.PlaceHold", "bank", new Hold("H-x1"));
        var post = builder.Schedule("TransferSaga.Post", "bank");
        var history = builder
            .CancelRequested()
            .Complete(post, new Posting("P-x1"))
            .Completes("TransferSaga.Reconcile", "bank")
            .Completes("TransferSaga.Archive", "bank", "archived")
            .EndsCompleted(null);

        var replay = await SagaReplayer.ReplayAsync(TransferSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        Assert.True(replay.Calls[1].Detached, "the pivot must not be cancelled once it started");
        Assert.Equal("P-x1", Assert.IsType<TransferSagaResult>(replay.Result).Post.Id);
    }

    [Fact]
    public async Task A_hold_cancelled_while_it_could_retry_is_owed_because_its_release_needs_the_hold()
    {
        var builder = new WorkflowHistoryBuilder("TransferSaga", "transfer-1", "bank", RunId, Transfer);
        var hold = builder.Schedule("TransferSaga.PlaceHold", "bank");
        var history = builder
            .CancelRequested()
            .ActivityCancelRequested(hold)
            .Cancelled(hold)
            .EndsFailed();

        var replay = await SagaReplayer.ReplayAsync(TransferSagaWorkflow.Definition, history.Build());

        Assert.Null(replay.ReplayFailure);
        var failure = Assert.IsType<ApplicationFailureException>(replay.Failure);
        Assert.Equal(SagaFailureTypes.OutcomeUncertain, failure.ErrorType);
        var owed = Assert.Single(Assert.IsType<StepFailure[]>(failure.Details.ElementAt<object?>(0)!));
        Assert.Equal(new StepFailure("PlaceHold", "TransferSaga.PlaceHold", StepFailure.Cancelled, "Activity cancelled", replay.Calls[0].IdempotencyKey), owed);
        Assert.True(IdempotencyKey.IsStepKey(owed.IdempotencyKey!, "transfer-1", "TransferSaga.PlaceHold"), owed.IdempotencyKey);
    }

    /// <summary>The transfer's hold placed and its posting made: the pivot passed.</summary>
    private static WorkflowHistoryBuilder Posted() => new WorkflowHistoryBuilder("TransferSaga", "transfer-1", "bank", RunId, Transfer)
        .Completes("TransferSaga.PlaceHold", "bank", new Hold("H-x1"))
        .Completes("TransferSaga.Post", "bank", new Posting("P-x1"));
}
