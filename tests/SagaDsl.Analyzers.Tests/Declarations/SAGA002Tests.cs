using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA002: Saga class shape is not supported. Reported while the saga is typed, on the marked span.</summary>
public class SAGA002Tests
{
    [Fact]
    public Task Nested_saga_class()
    {
        return VerifyAsync("""
            public partial class Outer
            {
                [Saga] public partial class {|SAGA002:OrderSaga|}
                {
                    [SagaStep(1)] public void Reserve(Order order) { }
                }
            }
            """);
    }

    [Fact]
    public Task Generic_saga_class()
    {
        return VerifyAsync("""
            [Saga] public partial class {|SAGA002:OrderSaga|}<T>
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }
}
