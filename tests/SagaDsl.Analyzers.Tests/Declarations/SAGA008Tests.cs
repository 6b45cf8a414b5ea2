using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA008: Parameter binding is ambiguous. Reported while the saga is typed, on the marked span.</summary>
public class SAGA008Tests
{
    [Fact]
    public Task Parameter_two_earlier_results_could_fill()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public Hold ReserveMore(Order order) => new("h2");
                [SagaStep(3)] public void Ship(Hold {|SAGA008:hold|}) { }
            }
            """);
    }
}
