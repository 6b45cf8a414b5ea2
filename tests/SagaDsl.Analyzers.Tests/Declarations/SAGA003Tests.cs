using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA003: Saga has no steps. Reported while the saga is typed, on the marked span.</summary>
public class SAGA003Tests
{
    [Fact]
    public Task Saga_without_steps()
    {
        return VerifyAsync("""
            [Saga] public partial class {|SAGA003:OrderSaga|}
            {
                public void Reserve(Order order) { }
            }
            """);
    }
}
