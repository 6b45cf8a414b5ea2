using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA011: Saga has more than one pivot. Reported while the saga is typed, on the marked span.</summary>
public class SAGA011Tests
{
    [Fact]
    public Task Second_pivot()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1, Pivot = true)] public void Pay(Order order) { }
                [SagaStep(2, Pivot = true)] public void {|SAGA011:Ship|}(Order order) { }
            }
            """);
    }
}
