using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA007: Parameter binds to nothing. Reported while the saga is typed, on the marked span.</summary>
public class SAGA007Tests
{
    [Fact]
    public Task Parameter_no_earlier_result_or_input_can_fill()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public void Ship(Hold hold, Receipt {|SAGA007:receipt|}) { }
            }
            """);
    }

    [Fact]
    public Task Compensation_asks_for_a_result_its_step_does_not_return()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), CompensatedBy(nameof(Release))] public Task Reserve(Order order) => Task.CompletedTask;
                public void Release(Hold {|SAGA007:hold|}) { }
            }
            """);
    }
}
