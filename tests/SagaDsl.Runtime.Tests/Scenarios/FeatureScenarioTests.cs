using System;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Runtime.Tests.Sagas;
using SagaDsl.Testing;
using SagaDsl.Testing.Scenarios;
using Xunit;

namespace SagaDsl.Runtime.Tests.Scenarios;

/// <summary>Parallel compensation, the pivot, non-critical steps and heartbeats through the scenario kit.</summary>
public class FeatureScenarioTests
{
    private static readonly SagaScenario Trip = SagaScenario.For(TripSagaWorkflow.Definition)
        .WithInput(new Trip("t1"))
        .Step(nameof(TripSaga.BookFlight)).Returns(new Flight("LH-t1"))
        .Step(nameof(TripSaga.BookHotel)).Returns(new Hotel("Ritz"));

    private static readonly SagaScenario Transfer = SagaScenario.For(TransferSagaWorkflow.Definition)
        .WithInput(new Transfer("x1", 10m))
        .Step(nameof(TransferSaga.PlaceHold)).Returns(new Hold("H-x1"))
        .Step(nameof(TransferSaga.Post)).Returns(new Posting("P-x1"))
        .Step(nameof(TransferSaga.Archive)).Returns("archived");

    [Fact]
    public async Task Every_trip_scenario_is_verified_and_compensations_leave_together()
    {
        var results = await Trip.EveryScenario().VerifyAllAsync();

        var carFails = results.Single(result => result.Name == "RentCar fails");
        Assert.Equal(new[] { "TripSaga.CancelHotel", "TripSaga.CancelFlight" }, carFails.Calls.Skip(3).Select(call => call.Activity));
        Assert.Equal(carFails.Calls[3].HistoryLength, carFails.Calls[4].HistoryLength);
    }

    [Fact]
    public async Task Every_transfer_scenario_is_verified_with_the_pivot_semantics()
    {
        var results = await Transfer.EveryScenario().VerifyAllAsync();

        var outcomes = results.ToDictionary(result => result.Name, result => result.Outcome);
        Assert.Equal(SagaOutcome.Compensated, outcomes["Post fails"]);
        Assert.Equal(SagaOutcome.WaitingForOperator, outcomes["Reconcile fails"]);
        Assert.Equal(SagaOutcome.Completed, outcomes["Archive fails"]);
        Assert.Equal(SagaOutcome.Completed, outcomes["cancelled during Reconcile"]);
        Assert.Equal(SagaOutcome.Completed, outcomes["cancelled during Post"]);
        Assert.Equal(SagaOutcome.OutcomeUncertain, outcomes["cancelled during PlaceHold"]);
        var cancelledHold = results.Single(result => result.Name == "cancelled during PlaceHold");
        var owed = Assert.Single(cancelledHold.Owed);
        Assert.Equal("PlaceHold", owed.Step);
        Assert.Equal(cancelledHold.Calls[0].IdempotencyKey, owed.IdempotencyKey);
    }

    [Fact]
    public async Task A_hold_that_times_out_is_owed_and_the_transfer_ends_uncertain()
    {
        var result = (await Transfer.Step(nameof(TransferSaga.PlaceHold)).TimesOut().RunAsync()).EnsureVerified();

        Assert.Equal(SagaOutcome.OutcomeUncertain, result.Outcome);
        Assert.Equal(SagaFailureTypes.OutcomeUncertain, result.FailureType);
        Assert.Equal("Timeout.StartToClose", Assert.Single(result.Owed).ErrorType);
        Assert.Empty(result.CompensationFailures);
    }

    [Fact]
    public void A_retryable_failure_of_a_step_that_retries_forever_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Transfer.Step(nameof(TransferSaga.Reconcile)).Fails("LedgerLocked", retryable: true));
        Assert.Contains("Reconcile retries without limit", refused.Message, StringComparison.Ordinal);

        Assert.Throws<InvalidOperationException>(() => Transfer.Step(nameof(TransferSaga.Reconcile)).TimesOut());
        _ = Transfer.Step(nameof(TransferSaga.Reconcile)).TimesOut(ActivityTimeout.ScheduleToClose);
    }

    [Fact]
    public async Task A_copy_that_stops_heartbeating_fails_with_a_heartbeat_timeout()
    {
        var scenario = SagaScenario.For(CopySagaWorkflow.Definition)
            .WithInput(new Batch("b1", 5))
            .Step(nameof(CopySaga.CopyFiles)).HeartbeatsThenTimesOut(3);

        var result = (await scenario.RunAsync()).EnsureVerified();

        var cause = Assert.IsType<Temporalio.Exceptions.TimeoutFailureException>(result.Failure!.InnerException!.InnerException);
        Assert.Equal(Temporalio.Api.Enums.V1.TimeoutType.Heartbeat, cause.TimeoutType);
        Assert.Equal(3, cause.LastHeartbeatDetails.ElementAt<int>(0));
    }
}
