using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA004: Step order is invalid. Reported while the saga is typed, on the marked span.</summary>
public class SAGA004Tests
{
    [Fact]
    public Task Duplicate_and_non_positive_step_orders()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Order order) { }
                [SagaStep(1)] public void {|SAGA004:Pay|}(Order order) { }
                [SagaStep(0)] public void {|SAGA004:Ship|}(Order order) { }
            }
            """);
    }
}
