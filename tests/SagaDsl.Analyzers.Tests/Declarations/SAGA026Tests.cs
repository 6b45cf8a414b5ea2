using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA026: [SagaStep] outside a saga. Reported while the saga is typed, on the marked span.</summary>
public class SAGA026Tests
{
    [Fact]
    public Task A_step_in_a_class_without_Saga_or_in_the_base_class_of_a_saga()
    {
        return VerifyAsync("""
            public class Forgotten
            {
                [{|SAGA026:SagaStep(1)|}] public void Reserve(Order order) { }
            }

            public abstract class CheckoutBase
            {
                [{|SAGA026:SagaStep(1)|}] public void Reserve(Order order) { }
                public void Helper(Order order) { }
            }

            [Saga] public partial class CheckoutSaga : CheckoutBase
            {
                [SagaStep(2)] public void Pay(Order order) => Helper(order);
            }
            """);
    }
}
