using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA006: Compensation method is overloaded. Reported while the saga is typed, on the marked span.</summary>
public class SAGA006Tests
{
    [Fact]
    public Task Overloaded_compensation()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1), {|SAGA006:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                public void Release(Hold hold) { }
                public void Release(Hold hold, StepContext context) { }
            }
            """);
    }
}
