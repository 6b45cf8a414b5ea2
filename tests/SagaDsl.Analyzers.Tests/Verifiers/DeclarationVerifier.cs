using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Declarations;
using SagaDsl.Tests.Shared;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Runs the saga declaration analyzer (the SAGA0xx rules) on sagas written with <c>{|SAGA004:...|}</c> markup.</summary>
internal static class DeclarationVerifier
{
    public const string Usings = ShopHeader.Text;

    /// <summary>Fails unless the analyzer reports exactly the marked diagnostics, on exactly the marked spans.</summary>
    public static Task VerifyAsync(string source)
    {
        var test = new CSharpAnalyzerTest<SagaDeclarationAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + source,
            ReferenceAssemblies = TestReferences.Net10,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        return test.RunAsync();
    }

    /// <summary>What the analyzer reports on a saga that compiles, in source order, for tests that read the messages; markup is ignored.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source)
    {
        var unmarked = Regex.Replace(Usings + source, @"\{\|SAGA\d{3}:|\|\}", string.Empty);
        var diagnostics = await SourceAnalysis.AnalyzeAsync(new[] { ("Saga.cs", unmarked) }, ImmutableArray.Create<DiagnosticAnalyzer>(new SagaDeclarationAnalyzer()));
        return diagnostics.OrderBy(static diagnostic => diagnostic.Location.SourceSpan.Start).ToImmutableArray();
    }
}
