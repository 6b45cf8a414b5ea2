using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA014: Non-critical step cannot be compensated or be the pivot. Reported while the saga is typed, on the marked span.</summary>
public class SAGA014Tests
{
    [Fact]
    public Task Non_critical_step_with_a_compensation_or_as_pivot()
    {
        return VerifyAsync("""
            [Saga] public partial class OrderSaga
            {
                [SagaStep(1, Critical = false), {|SAGA014:CompensatedBy(nameof(Release))|}] public Hold Reserve(Order order) => new("h");
                [SagaStep(2, Critical = false, Pivot = true)] public void {|SAGA014:Pay|}(Order order) { }
                public void Release(Hold hold) { }
            }
            """);
    }
}
