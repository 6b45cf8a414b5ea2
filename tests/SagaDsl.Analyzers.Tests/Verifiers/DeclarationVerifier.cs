using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SagaDsl.Analyzers.Declarations;
using Xunit;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>Runs the saga declaration analyzer (the SAGA0xx rules) on sagas written with <c>{|SAGA004:...|}</c> markup.</summary>
internal static class DeclarationVerifier
{
    public const string Usings = "using System.Threading; using System.Threading.Tasks; using SagaDsl; namespace Shop; public sealed record Order(string Id); public sealed record Hold(string Id); public sealed record Receipt(string Id);\n";

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
        source = Regex.Replace(source, @"\{\|SAGA\d{3}:|\|\}", string.Empty);
        var references = (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.Libraries);
        var compilation = CSharpCompilation.Create(
            "Declared",
            new[] { CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(static diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SagaDeclarationAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(static diagnostic => diagnostic.Location.SourceSpan.Start).ToImmutableArray();
    }
}
