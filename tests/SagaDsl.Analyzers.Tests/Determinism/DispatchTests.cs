using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// A call through an interface or a virtual member the compilation declares runs one of the
/// compilation's implementations; each is followed, and the chain names the member called first.
/// </summary>
public class DispatchTests
{
    [Fact]
    public Task A_clock_read_behind_an_interface_of_the_compilation_is_reported_with_the_interface_in_the_chain()
    {
        return VerifyAsync("""
            public interface IClock
            {
                DateTime Now();
            }

            public sealed class SystemClock : IClock
            {
                public DateTime Now() => DateTime.UtcNow;
            }

            [Workflow]
            public class Reminder
            {
                private readonly IClock clock;

                public Reminder(IClock clock) => this.clock = clock;

                [WorkflowRun]
                public Task<DateTime> RunAsync() => Task.FromResult({|#0:clock.Now()|});
            }
            """,
            Diagnostic("SAGA101").WithLocation(0).WithArguments("IClock.Now → SystemClock.Now → DateTime.UtcNow", "Workflow.UtcNow"));
    }

    [Fact]
    public Task An_override_of_an_abstract_member_is_followed_and_a_virtual_member_with_body_too()
    {
        return VerifyAsync("""
            public abstract class Pricing
            {
                public abstract decimal Price(decimal amount);

                public virtual string Label() => "price";
            }

            public sealed class SurgePricing : Pricing
            {
                public override decimal Price(decimal amount) => amount * new Random().Next(1, 3);

                public override string Label() => Guid.NewGuid().ToString();
            }

            [Workflow]
            public class Checkout
            {
                [WorkflowRun]
                public Task<string> RunAsync(Pricing pricing) => Task.FromResult({|#0:pricing.Price(10)|} + {|#1:pricing.Label()|});
            }
            """,
            Diagnostic("SAGA102").WithLocation(0).WithArguments("Pricing.Price → SurgePricing.Price → new Random", "Workflow.Random"),
            Diagnostic("SAGA102").WithLocation(1).WithArguments("Pricing.Label → SurgePricing.Label → Guid.NewGuid", "Workflow.NewGuid()"));
    }

    [Fact]
    public Task A_library_interface_and_object_ToString_are_not_dispatched_to_the_compilations_implementations()
    {
        return VerifyAsync("""
            public sealed class Stamp : IComparable<Stamp>
            {
                public int CompareTo(Stamp? other) => DateTime.UtcNow.Second;

                public override string ToString() => DateTime.UtcNow.ToString("O");
            }

            [Workflow]
            public class Sorting
            {
                [WorkflowRun]
                public Task<string> RunAsync(object value, IComparable<Stamp> stamp) => Task.FromResult(value.ToString() + stamp.GetHashCode());
            }
            """);
    }
}
