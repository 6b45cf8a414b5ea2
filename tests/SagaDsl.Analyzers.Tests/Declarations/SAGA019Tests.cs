using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA019: Compensation is a step. Reported while the saga is typed, on the marked span.</summary>
public class SAGA019Tests
{
    [Fact]
    public Task Compensation_that_is_itself_a_step()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA019:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                [SagaStep(2)] public void Release(Hold hold) { }
            }
            """);
    }
}
