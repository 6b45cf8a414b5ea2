using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA015: [FromStep] names no usable step. Reported while the saga is typed, on the marked span.</summary>
public class SAGA015Tests
{
    [Fact]
    public Task From_step_naming_a_later_or_resultless_or_non_critical_step()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve([{|SAGA015:FromStep(nameof(Pay))|}] Receipt receipt, Order order) { }
                [SagaStep(2)] public Receipt Pay(Order order) => new("r");
                [SagaStep(3, Critical = false)] public Hold Score(Order order) => new("s");
                [SagaStep(4)] public void Ship([{|SAGA015:FromStep(nameof(Reserve))|}] Hold a, [{|SAGA015:FromStep(nameof(Score))|}] Hold b, [{|SAGA015:FromStep("Nope")|}] Hold c) { }
            }
            """);
    }
}
