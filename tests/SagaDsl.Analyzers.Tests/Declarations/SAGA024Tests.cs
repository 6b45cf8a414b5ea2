using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA024: [CompensatedBy] on a method that is not a step. Reported while the saga is typed, on the marked span.</summary>
public class SAGA024Tests
{
    [Fact]
    public Task Compensated_by_on_a_method_that_is_not_a_step()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Start(Order order) { }
                [{|SAGA024:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                public void Release(Order order) { }
            }
            """);
    }
}
