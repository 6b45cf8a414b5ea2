using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA009: Parameter kind is not supported. Reported while the saga is typed, on the marked span.</summary>
public class SAGA009Tests
{
    [Fact]
    public Task Parameter_passed_by_reference()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(ref Order {|SAGA009:order|}) { }
            }
            """);
    }

    [Fact]
    public Task Optional_and_params_parameters_are_not_a_second_saga_input()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order, bool {|SAGA009:express|} = false) => new("h");
                [SagaStep(2)] public void Pay(Hold hold, params string[] {|SAGA009:notes|}) { }
                [SagaStep(3)] public void Ship(Order order, StepContext? context = null, CancellationToken cancellationToken = default) { }
            }
            """);
    }
}
