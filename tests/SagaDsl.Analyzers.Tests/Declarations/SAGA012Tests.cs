using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA012: Compensation at or after the pivot. Reported while the saga is typed, on the marked span.</summary>
public class SAGA012Tests
{
    [Fact]
    public Task Compensation_after_the_pivot_or_on_it()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true), {|SAGA012:CompensatedBy(nameof(Refund))|}] public Receipt Pay(Order order) => new("r");
                [SagaStep(2), {|SAGA012:CompensatedBy(nameof(Unship))|}] public Hold Ship(Order order) => new("h");
                public void Refund(Receipt receipt) { }
                public void Unship(Hold hold) { }
            }
            """);
    }
}
