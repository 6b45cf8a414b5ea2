using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA017: Saga input is ambiguous. Reported while the saga is typed, on the marked span.</summary>
public class SAGA017Tests
{
    [Fact]
    public Task Two_input_types_in_the_first_step_or_two_declared_inputs()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public Hold Reserve(Order order, Receipt {|SAGA017:receipt|}) => new("h");
                [SagaStep(2)] public void Ship(Hold hold, [SagaInput] Hold {|SAGA017:other|}) { }
            }
            """);
    }
}
