using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeclarationVerifier;

namespace SagaDsl.Analyzers.Tests.Declarations;

/// <summary>SAGA022: a compensation takes its own step's result, which is missing when the step's outcome is uncertain. A warning: the saga still generates.</summary>
public class SAGA022Tests
{
    private const string Saga = """
        [Saga] public partial class OrderSaga
        {
            [SagaStep(1), CompensatedBy(nameof(Release))] public Hold Reserve(Order order) => new("h");
            public void Release(Hold {|SAGA022:hold|}) { }

            [SagaStep(2), CompensatedBy(nameof(Refund))] public Receipt Pay(Order order, Hold hold) => new("r");
            public void Refund([FromStep(nameof(Pay))] Receipt {|SAGA022:charge|}, Hold hold, StepContext context) { }

            [SagaStep(3), CompensatedBy(nameof(Unship))] public Task<Receipt> Ship(Order order) => Task.FromResult(new Receipt("s"));
            public void Unship(Order order, Hold hold, StepContext context) { }
        }
        """;

    [Fact]
    public Task A_compensation_that_takes_its_own_steps_result_by_type_or_by_name_but_not_an_earlier_steps()
    {
        return VerifyAsync(Saga);
    }

    [Fact]
    public async Task Is_a_warning_naming_the_compensation_the_step_and_the_parameter()
    {
        var reported = await DiagnosticsAsync(Saga);

        Assert.All(reported, diagnostic => Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity));
        Assert.Contains("Compensation 'Release' takes the result of step 'Reserve' (parameter 'hold')", reported[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
