using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA005: Compensation method not found. Reported while the saga is typed, on the marked span.</summary>
public class SAGA005Tests
{
    [Fact]
    public Task Compensation_that_does_not_exist()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA005:CompensatedBy("Release")|}] public Hold Reserve(Order order) => new("h");
            }
            """);
    }
}
