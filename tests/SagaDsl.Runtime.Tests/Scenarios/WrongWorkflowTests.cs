using System.Threading.Tasks;
using SagaDsl.Runtime.Tests.Sagas;
using SagaDsl.Testing.Scenarios;
using Xunit;

namespace SagaDsl.Runtime.Tests.Scenarios;

/// <summary>A workflow that compensates wrongly never passes a scenario, and the report says where it went wrong.</summary>
public class WrongWorkflowTests
{
    private static readonly SagaScenario CarUnavailable = SagaScenario.For(TripSagaWorkflow.Definition)
        .WithInput(new Trip("t1"))
        .Step(nameof(TripSaga.BookFlight)).Returns(new Flight("LH-t1"))
        .Step(nameof(TripSaga.BookHotel)).Returns(new Hotel("Ritz"))
        .Step(nameof(TripSaga.RentCar)).Fails("NoCars");

    [Fact]
    public async Task The_generated_workflow_passes_the_scenario_the_wrong_ones_fail()
    {
        var generated = await CarUnavailable.RunAsync();

        Assert.True(generated.Verified, generated.Report);
    }

    [Fact]
    public async Task Compensating_oldest_first_is_a_nondeterminism_error_shown_as_a_diff()
    {
        var result = await CarUnavailable.ReplayedBy(typeof(OldestFirstTripWorkflow)).RunAsync();

        Assert.False(result.Verified);
        Assert.Contains(result.Mismatches, mismatch => mismatch.StartsWith("the Temporal replayer rejected", System.StringComparison.Ordinal));
        Assert.Contains("call 4: the saga must schedule TripSaga.CancelHotel; the workflow scheduled TripSaga.CancelFlight", result.Mismatches);
        Assert.Contains("!   4  CancelHotel (undo BookHotel) [travel]", result.Report, System.StringComparison.Ordinal);
        var thrown = Assert.Throws<SagaScenarioException>(() => result.EnsureVerified());
        Assert.Equal(result.Report, thrown.Message);
    }

    [Fact]
    public async Task Compensating_one_by_one_when_the_saga_says_all_at_once_fails()
    {
        var result = await CarUnavailable.ReplayedBy(typeof(OneByOneTripWorkflow)).RunAsync();

        // The history schedules both compensations in one workflow task: the replayer misses the
        // second command there, and the workflow never gets to run it.
        Assert.False(result.Verified);
        Assert.Contains(result.Mismatches, mismatch => mismatch.StartsWith("the Temporal replayer rejected", System.StringComparison.Ordinal));
        Assert.Contains("call 5: the saga must schedule TripSaga.CancelFlight; the workflow scheduled nothing more", result.Mismatches);
    }

    [Fact]
    public async Task Compensating_all_at_once_when_the_saga_says_one_by_one_fails()
    {
        // The generated TripSaga compensates in parallel; a saga declared sequential must not.
        var sequential = TripSagaWorkflow.Definition with { ParallelCompensation = false };
        var scenario = SagaScenario.For(sequential)
            .WithInput(new Trip("t1"))
            .Step(nameof(TripSaga.RentCar)).Fails("NoCars");

        var result = await scenario.RunAsync();

        Assert.False(result.Verified);
        Assert.Contains("calls 4 and 5 (TripSaga.CancelHotel, TripSaga.CancelFlight) must be scheduled one after the other", result.Mismatches);
    }

    [Fact]
    public async Task Compensations_attached_to_the_workflow_cancellation_fail()
    {
        var result = await CarUnavailable.ReplayedBy(typeof(AttachedTripWorkflow)).RunAsync();

        Assert.False(result.Verified);
        Assert.Contains("call 4 (TripSaga.CancelHotel): must be detached from the workflow's cancellation", result.Mismatches);
        Assert.Contains("call 5 (TripSaga.CancelFlight): must be detached from the workflow's cancellation", result.Mismatches);
    }

    [Fact]
    public async Task Compensations_under_keys_of_their_own_instead_of_their_steps_fail()
    {
        var result = await CarUnavailable.ReplayedBy(typeof(FreshKeyTripWorkflow)).RunAsync();

        Assert.False(result.Verified);
        Assert.Contains(result.Mismatches, mismatch => mismatch.StartsWith("call 4 (TripSaga.CancelHotel): idempotency key must be tripsaga-scenario/…/TripSaga.BookHotel/compensation", System.StringComparison.Ordinal));
        Assert.Contains(result.Mismatches, mismatch => mismatch.StartsWith("call 5 (TripSaga.CancelFlight): idempotency key must be tripsaga-scenario/…/TripSaga.BookFlight/compensation", System.StringComparison.Ordinal));
    }
}
