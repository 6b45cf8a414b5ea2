using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA010: Step method is not supported. Reported while the saga is typed, on the marked span.</summary>
public class SAGA010Tests
{
    [Fact]
    public Task Generic_step_method()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void {|SAGA010:Reserve|}<T>(Order order) { }
            }
            """);
    }

    [Fact]
    public Task Async_void_step_and_compensation_but_not_their_async_Task_and_plain_void_look_alikes()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] [CompensatedBy(nameof(Release))] public async void {|SAGA010:Reserve|}(Order order) => await Task.Yield();
                [SagaStep(2)] public async Task Pay(Order order) => await Task.Yield();
                [SagaStep(3)] public void Ship(Order order) { }
                public async void {|SAGA010:Release|}(Order order) => await Task.Yield();
            }
            """);
    }
}
