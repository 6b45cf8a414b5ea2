using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA001: Saga class must be partial. Reported while the saga is typed, on the marked span.</summary>
public class SAGA001Tests
{
    [Fact]
    public Task Saga_class_that_is_not_partial()
    {
        return VerifyAsync("""
            [Saga] public class {|SAGA001:OrderSaga|}
            {
                [SagaStep(1)] public Task<Hold> Reserve(Order order) => Task.FromResult(new Hold("h"));
            }
            """);
    }
}
