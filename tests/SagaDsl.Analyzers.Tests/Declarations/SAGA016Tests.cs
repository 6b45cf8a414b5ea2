using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA016: Search attribute cannot be indexed. Reported while the saga is typed, on the marked span.</summary>
public class SAGA016Tests
{
    [Fact]
    public Task Search_attribute_that_cannot_be_indexed_or_is_declared_twice()
    {
        return VerifyAsync("""
            public sealed record Request(
                [property: {|SAGA016:SearchAttribute|}] Order Order,
                [property: SearchAttribute("Key")] string First,
                [property: {|SAGA016:SearchAttribute("Key")|}] string Second,
                [property: {|SAGA016:SearchAttribute("")|}] string Third,
                [property: {|SAGA016:SearchAttribute|}] string All);

            [Saga] public partial class OrderSaga
            {
                [SagaStep(1)] public void Reserve(Request request) { }
            }
            """);
    }

    [Fact]
    public Task Search_attribute_with_a_name_Temporal_keeps_or_on_a_step_result()
    {
        return VerifyAsync("""
            public sealed record Request(
                [property: {|SAGA016:SearchAttribute|}] string WorkflowId,
                [property: {|SAGA016:SearchAttribute("TemporalChangeVersion")|}] string Version,
                [property: SearchAttribute("CustomerWorkflowId")] string Customer,
                [property: {|SAGA016:SearchAttribute("StartedFrom")|}] string ForStart,
                [property: {|SAGA016:SearchAttribute("Region")|}] string Phase);
            public sealed record Charge([property: {|SAGA016:SearchAttribute|}] string ChargeId);

            [Saga({|SAGA013:PhaseSearchAttribute = "ExecutionStatus"|})] public partial class OrderSaga
            {
                [SagaStep(1)] public Charge Pay(Request request) => new("c");
            }
            """);
    }
}
