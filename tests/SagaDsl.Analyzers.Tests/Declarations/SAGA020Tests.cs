using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA020: Generated name is taken. Reported while the saga is typed, on the marked span.</summary>
public class SAGA020Tests
{
    [Fact]
    public Task A_type_with_a_generated_name_beside_the_saga()
    {
        return VerifyAsync("""
            public class OrderSagaWorkflow { }

            [Saga] public partial class {|SAGA020:OrderSaga|}
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public Task The_hosting_name_is_reserved_even_without_the_hosting_package()
    {
        return VerifyAsync("""
            public static class OrderSagaHosting { }

            [Saga] public partial class {|SAGA020:OrderSaga|}
            {
                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }

    [Fact]
    public Task A_member_named_like_the_nested_activities_class()
    {
        return VerifyAsync("""
            [Saga] public partial class {|SAGA020:OrderSaga|}
            {
                public int Activities { get; set; }

                [SagaStep(1)] public void Reserve(Order order) { }
            }
            """);
    }
}
