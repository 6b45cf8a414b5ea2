using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Determinism;
using SagaDsl.Analyzers.Shapes;
using Xunit;

namespace SagaDsl.Analyzers.Tests.Verifiers;

/// <summary>
/// Compiles sources the way a user's project is compiled (against .NET 10, Temporalio and, when given,
/// a library built apart) and returns what the analyzers report (the determinism and shape analyzers
/// unless told), for tests that judge many cases at once or read messages rather than one marked case.
/// </summary>
internal static class SourceAnalysis
{
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(IEnumerable<(string Path, string Text)> sources, string? library = null) =>
        AnalyzeAsync(sources, ImmutableArray.Create<DiagnosticAnalyzer>(new WorkflowDeterminismAnalyzer(), new WorkflowShapeAnalyzer()), library);

    /// <summary>What the given analyzers report on sources that must compile without an error.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(IEnumerable<(string Path, string Text)> sources, ImmutableArray<DiagnosticAnalyzer> analyzers, string? library = null)
    {
        var references = (await TestReferences.Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.Libraries);
        if (library is not null)
        {
            references = references.Add(Compile("Library", new[] { ("Library.cs", library) }, references).ToMetadataReference());
        }

        var compilation = Compile("Analyzed", sources, references);
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }

    private static CSharpCompilation Compile(string name, IEnumerable<(string Path, string Text)> sources, ImmutableArray<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, new CSharpParseOptions(LanguageVersion.CSharp12), source.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, name + ":\n" + string.Join("\n", errors));
        return compilation;
    }
}
