using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
