using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SagaDsl.Benchmarks.Synthetic;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>In-memory compilations against the assemblies this program runs with (Temporalio, SagaDsl).</summary>
internal static class Compilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<List<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("SagaDsl.Generator", StringComparison.Ordinal)
                && !Path.GetFileName(path).StartsWith("SagaDsl.Analyzers", StringComparison.Ordinal)
                && !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    public static List<SyntaxTree> Parse(IEnumerable<string> sources) =>
        sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Synthetic{index}.cs")).ToList();

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Synthetic",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    /// <summary>The shipped-shapes file of <paramref name="sagas"/> synthetic sagas, as the compiler passes it to the generator.</summary>
    public static ImmutableArray<AdditionalText> ShapesFile(int sagas) =>
        ImmutableArray.Create<AdditionalText>(new InMemoryText(SyntheticSagas.ShapesFileName, SyntheticSagas.Shapes(sagas)));

    /// <summary>Binds and emits the whole compilation, as the compiler does after parsing; throws on errors.</summary>
    public static void Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The synthetic project does not compile: " + result.Diagnostics.First(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        }
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path => path;

    public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => source;
}
