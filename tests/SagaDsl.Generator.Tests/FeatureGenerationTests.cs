using System.Diagnostics.CodeAnalysis;
using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using Xunit;

namespace SagaDsl.Generator.Tests;

/// <summary>One small saga per feature: its generated code is approved, and it compiles clean.</summary>
public class FeatureGenerationTests
{
    [Fact]
    public System.Threading.Tasks.Task Parallel_compensation_undoes_all_completed_steps_at_once()
    {
        return AssertGenerates(ParallelSaga);
    }

    [Fact]
    public System.Threading.Tasks.Task Steps_after_the_pivot_run_detached_and_fail_for_manual_follow_up()
    {
        return AssertGenerates(PivotSaga);
    }

    [Fact]
    public System.Threading.Tasks.Task Non_critical_step_before_the_pivot_keeps_a_nullable_result()
    {
        return AssertGenerates(NonCriticalSaga);
    }

    [Fact]
    public System.Threading.Tasks.Task Declared_activity_options_resolve_step_then_saga_then_defaults()
    {
        return AssertGenerates(OptionsSaga, part: "Options");
    }

    [Fact]
    public System.Threading.Tasks.Task Parameters_bind_by_type_by_name_and_to_context_for_every_method_shape()
    {
        return AssertGenerates(BindingSaga);
    }

    [Fact]
    public System.Threading.Tasks.Task Saga_without_input_in_the_global_namespace_and_static_steps()
    {
        return AssertGenerates(StaticSaga);
    }

    [Fact]
    public System.Threading.Tasks.Task Search_attributes_of_every_indexable_type_are_upserted_at_start()
    {
        return AssertGenerates(SearchSaga);
    }

    /// <summary>Approves the saga's generated file, or only <paramref name="part"/> of it when the feature lives there alone.</summary>
    private static async System.Threading.Tasks.Task AssertGenerates(string source, string? part = null, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var run = GeneratorRun.Run(source);

        Assert.Empty(run.Problems.Select(problem => problem.ToString()));
        Assert.Empty((await run.DeterminismProblemsAsync()).Select(problem => problem.ToString()));
        if (part is null)
        {
            Snapshot.Match(run, nameof(FeatureGenerationTests), method);
        }
        else
        {
            Snapshot.MatchPart(run, nameof(FeatureGenerationTests), part, method);
        }
    }

    [StringSyntax("C#")]
    internal const string ParallelSaga = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Travel;

        public sealed record Trip(string Id);
        public sealed record Flight(string Code);
        public sealed record Hotel(string Name);

        [Saga(TaskQueue = "travel", ParallelCompensation = true)]
        public partial class TripSaga
        {
            [SagaStep(1), CompensatedBy(nameof(CancelFlight))]
            public Task<Flight> BookFlight(Trip trip) => Task.FromResult(new Flight("LH1"));

            private Task CancelFlight(Flight flight) => Task.CompletedTask;

            [SagaStep(2), CompensatedBy(nameof(CancelHotel))]
            public Task<Hotel> BookHotel(Trip trip) => Task.FromResult(new Hotel("Ritz"));

            private Task CancelHotel(Hotel hotel, Trip trip) => Task.CompletedTask;

            [SagaStep(3)]
            public Task RentCar(Trip trip) => Task.CompletedTask;
        }
        """;

    [StringSyntax("C#")]
    internal const string PivotSaga = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Banking;

        public sealed record Transfer(string From, string To, decimal Amount);
        public sealed record Hold(string Id);
        public sealed record Posting(string Id);

        [Saga]
        public partial class TransferSaga
        {
            [SagaStep(1), CompensatedBy(nameof(ReleaseHold))]
            public Task<Hold> PlaceHold(Transfer transfer) => Task.FromResult(new Hold("h"));

            public Task ReleaseHold(Hold hold) => Task.CompletedTask;

            [SagaStep(2, Pivot = true)]
            public Task<Posting> Post(Transfer transfer, Hold hold) => Task.FromResult(new Posting("p"));

            [SagaStep(3)]
            public Task Reconcile(Posting posting) => Task.CompletedTask;

            [SagaStep(4, MaximumAttempts = 5)]
            public Task<string> Archive(Posting posting) => Task.FromResult("archived");
        }
        """;

    [StringSyntax("C#")]
    internal const string NonCriticalSaga = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shop;

        public sealed record Cart(string Id);
        public sealed record Quote(decimal Price);
        public sealed record Score(int Value);

        [Saga(TaskQueue = "shop")]
        internal partial class CheckoutSaga
        {
            [SagaStep(1), CompensatedBy(nameof(Forget))]
            public Task<Quote> PriceCart(Cart cart) => Task.FromResult(new Quote(1m));

            public void Forget(Quote quote) { }

            [SagaStep(2, Critical = false)]
            public Score ScoreFraud(Cart cart) => new(1);

            [SagaStep(3, Pivot = true)]
            public Task Checkout(Cart cart, Quote quote) => Task.CompletedTask;
        }
        """;

    [StringSyntax("C#")]
    internal const string OptionsSaga = """
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Shipping;

        public sealed record Parcel(string Id);
        public sealed record Label(string Code);

        [Saga(Name = "ship-parcel", TaskQueue = "shipping", StartToCloseTimeout = "00:02:00", MaximumAttempts = 4,
              InitialInterval = "00:00:00.500", BackoffCoefficient = 1.5, MaximumInterval = "00:01:00", CompensationMaximumAttempts = 0)]
        [SagaTaskQueue("carrier", MaxConcurrentActivities = 3, MaxTaskQueueActivitiesPerSecond = 2.5)]
        public partial class ShipSaga
        {
            [SagaStep(1, TaskQueue = "carrier", ScheduleToCloseTimeout = "01:00:00", HeartbeatTimeout = "00:00:10",
                      NonRetryableErrorTypes = new[] { "AddressInvalid", "Embargo" })]
            [CompensatedBy(nameof(VoidLabel), StartToCloseTimeout = "00:00:15", MaximumAttempts = 20)]
            public Task<Label> BuyLabel(Parcel parcel, StepContext context) => Task.FromResult(new Label("L"));

            public Task VoidLabel(Label label, StepContext context) => Task.CompletedTask;

            [SagaStep(2, StartToCloseTimeout = "1.00:00:00")]
            public Task Handover(Label label) => Task.CompletedTask;
        }
        """;

    [StringSyntax("C#")]
    internal const string BindingSaga = """
        using System.Threading;
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Loans;

        public record Application(string Applicant, decimal Amount);
        public record Check(bool Passed);
        public sealed record CreditCheck(bool Passed, int Score) : Check(Passed);
        public sealed record Contract(string Id);

        [Saga(TaskQueue = "loans")]
        public partial class LoanSaga
        {
            [SagaStep(1)]
            public CreditCheck CheckCredit(Application application, CancellationToken cancellationToken) => new(true, 700);

            [SagaStep(2)]
            public static ValueTask<CreditCheck> CheckFraud(Application application) => new(new CreditCheck(true, 1));

            [SagaStep(3), CompensatedBy(nameof(Cancel))]
            public async ValueTask<Contract> Draft([SagaInput] Application application, [FromStep(nameof(CheckCredit))] Check credit, StepContext context)
            {
                await Task.Yield();
                return new Contract("c");
            }

            public ValueTask Cancel(Contract contract, [FromStep(nameof(CheckFraud))] CreditCheck fraud, Application application) => default;

            [SagaStep(4)]
            public void Sign(Contract contract, Application application) { }
        }
        """;

    [StringSyntax("C#")]
    internal const string SearchSaga = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using SagaDsl;

        namespace Claims;

        public enum Severity { Low, High }

        public record Party([property: SearchAttribute("PartyId")] Guid Id);

        public sealed record Claim(
            Guid Id,
            [property: SearchAttribute] string ClaimId,
            [property: SearchAttribute] string? Adjuster,
            [property: SearchAttribute] int Items,
            [property: SearchAttribute] long? PolicyNumber,
            [property: SearchAttribute] decimal Amount,
            [property: SearchAttribute] bool Urgent,
            [property: SearchAttribute] DateTimeOffset FiledAt,
            [property: SearchAttribute] Severity Severity,
            [property: SearchAttribute] IReadOnlyList<string> Tags) : Party(Id);

        [Saga(TaskQueue = "claims")]
        public partial class ClaimSaga
        {
            [SagaStep(1)]
            public Task Assess(Claim claim) => Task.CompletedTask;
        }
        """;

    [StringSyntax("C#")]
    internal const string StaticSaga = """
        using System.Threading.Tasks;
        using SagaDsl;

        [Saga]
        public static partial class NightlySaga
        {
            [SagaStep(1), CompensatedBy(nameof(Unsnapshot))]
            public static Task<string> Snapshot() => Task.FromResult("s1");

            public static Task Unsnapshot(string snapshot) => Task.CompletedTask;

            [SagaStep(2)]
            public static int Compact(string snapshot) => 3;
        }
        """;
}
