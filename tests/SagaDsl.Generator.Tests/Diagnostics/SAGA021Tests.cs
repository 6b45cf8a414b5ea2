using System.Linq;
using SagaDsl.Generator.Tests.Infrastructure;
using SagaDsl.Tests.Shared;
using Xunit;

namespace SagaDsl.Generator.Tests.Diagnostics;

/// <summary>SAGA021: The project compiles a C# version older than generated code needs. Only the generator reports it: it needs every saga of the compilation, or the generator's own view of the language version.</summary>
public class SAGA021Tests
{
    private const string Usings = ShopHeader.Text;

    [Fact]
    public void An_older_language_version_gets_one_error_per_saga_and_no_code()
    {
        const string sagas = Usings + """
            [Saga] public partial class OrderSaga { [SagaStep(1)] public void Reserve(Order order) { } }
            [Saga] public partial class RefundSaga { [SagaStep(1)] public void Refund(Order order) { } }
            """;

        var old = GeneratorRun.RunWithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8, sagas);
        var nine = GeneratorRun.RunWithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9, sagas);

        Assert.Empty(old.Sources);
        Assert.Equal(new[] { "SAGA021", "SAGA021" }, old.GeneratorDiagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Contains("but this project compiles C# 8.0", old.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(nine.GeneratorDiagnostics);
        Assert.Equal(2, nine.Sources.Count);
    }
}
