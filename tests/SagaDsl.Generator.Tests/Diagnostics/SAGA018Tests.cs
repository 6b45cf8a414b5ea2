using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Generator.Tests.Diagnostics;

/// <summary>SAGA018: Two sagas share a workflow type. Only the generator reports it: it needs every saga of the compilation, or the generator's own view of the language version.</summary>
public class SAGA018Tests
{
    private const string Usings = ShopHeader.Text;

    [Fact]
    public void Two_sagas_with_one_workflow_type_are_reported_by_the_generator()
    {
        var run = GeneratorRun.Run(Usings + """
            [Saga(Name = "orders")] public partial class OrderSaga { [SagaStep(1)] public void Reserve(Order order) { } }
            [Saga(Name = "orders")] public partial class LegacyOrderSaga { [SagaStep(1)] public void Reserve(Order order) { } }
            [Saga] public partial class Unique { [SagaStep(1)] public void Reserve(Order order) { } }
            """);

        var clash = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SAGA018", clash.Id);
        Assert.Contains("'Shop.OrderSaga' has workflow type 'orders', like saga 'Shop.LegacyOrderSaga'", clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
