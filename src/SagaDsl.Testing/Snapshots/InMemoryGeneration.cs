using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Analyzers.Declarations;
using SagaDsl.Generator;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// Builds the saga's sources in memory as its project's build does: the same generator and analyzers
/// the SagaDsl package puts in the compiler, the test process's assemblies as references.
/// </summary>
internal static class InMemoryGeneration
{
    private const string DefaultAssemblyName = "SagaDsl.Snapshot";

    // The two assembly-unification notes the SDK silences in every build.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSilenced =
        ImmutableDictionary<string, ReportDiagnostic>.Empty
            .Add("CS1701", ReportDiagnostic.Suppress)
            .Add("CS1702", ReportDiagnostic.Suppress);

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
        typeof(SagaDeclarationAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray());

    public static GeneratedSagaCode Run(SagaSources sources, SagaGenerationOptions options)
    {
        var parseOptions = new CSharpParseOptions(options.LanguageVersion, DocumentationMode.Parse);
        var trees = sources.Files
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path, Encoding.UTF8))
            .ToList();
        var configuration = ProjectConfiguration.For(sources, trees, options.BuildProperties);
        var additionalFiles = (sources.AdditionalFiles ?? Array.Empty<SourceFile>()).Select(static file => (AdditionalText)new InMemoryAdditionalText(file)).ToImmutableArray();
        var compilation = WithoutTheSagasOwnAssembly(Compile(trees, TestProcessReferences.Except(options.ExcludedReferences), options, DefaultAssemblyName));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SagaGenerator().AsSourceGenerator() },
            additionalTexts: additionalFiles,
            parseOptions: parseOptions,
            optionsProvider: configuration);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var inputTrees = new HashSet<SyntaxTree>(trees);
        var compilerDiagnostics = output.GetDiagnostics();
        var sagaDiagnostics = generatorDiagnostics
            .Concat(AnalyzerDiagnostics(output, additionalFiles, configuration))
            .Where(diagnostic => diagnostic.Id.StartsWith("SAGA", StringComparison.Ordinal))
            .Select(configuration.Apply)
            .OfType<Diagnostic>();
        var inGeneratedCode = compilerDiagnostics.Where(diagnostic =>
            diagnostic.Severity >= DiagnosticSeverity.Warning
            && diagnostic.Location.SourceTree is { } tree
            && !inputTrees.Contains(tree));
        var inputErrors = compilerDiagnostics.Where(diagnostic =>
            diagnostic.Severity == DiagnosticSeverity.Error
            && (diagnostic.Location.SourceTree is null || inputTrees.Contains(diagnostic.Location.SourceTree)));

        return new GeneratedSagaCode(
            driver,
            output,
            DiagnosticsReport.Ordered(sagaDiagnostics.Concat(inGeneratedCode)),
            DiagnosticsReport.Ordered(inputErrors));
    }

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references, SagaGenerationOptions options, string assemblyName) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: options.Nullable,
                specificDiagnosticOptions: SdkSilenced,
                deterministic: true));

    /// <summary>
    /// The test process usually holds the saga's project, already built: its types would clash with the
    /// ones compiled here (and the generated ones with what it generated). Like the project's own build,
    /// this one leaves that assembly out and takes its name and, for an app, its output kind.
    /// </summary>
    private static CSharpCompilation WithoutTheSagasOwnAssembly(CSharpCompilation compilation)
    {
        var declared = compilation.SyntaxTrees
            .SelectMany(tree => Declarations(tree, compilation.GetSemanticModel(tree)))
            .OfType<INamedTypeSymbol>()
            .Select(MetadataName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var own = compilation.References
            .Select(reference => (Reference: reference, Assembly: compilation.GetAssemblyOrModuleSymbol(reference) as IAssemblySymbol))
            .Select(pair => (pair.Reference, pair.Assembly, Shared: pair.Assembly is null ? 0 : declared.Count(name => pair.Assembly.GetTypeByMetadataName(name) is not null)))
            .Where(candidate => candidate.Shared > 0)
            .ToList();
        if (own.Count == 0)
        {
            return compilation;
        }

        // Any assembly defining one of these types is left out; the one defining most of them is the project's.
        var project = own.OrderByDescending(candidate => candidate.Shared).First();
        var kind = project.Reference is PortableExecutableReference { FilePath: var path } && HasEntryPoint(path)
            ? OutputKind.ConsoleApplication
            : compilation.Options.OutputKind;
        return compilation.RemoveReferences(own.Select(candidate => candidate.Reference))
            .WithAssemblyName(project.Assembly!.Name)
            .WithOptions(compilation.Options.WithOutputKind(kind));
    }

    // An app's top-level statements compile only into an executable, as in its own build.
    private static bool HasEntryPoint(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return false;
        }

        using var reader = new PEReader(File.OpenRead(path));
        return reader.PEHeaders.CorHeader is { EntryPointTokenOrRelativeVirtualAddress: not 0 };
    }

    // One semantic model per file: GetSemanticModel makes a new one on every call.
    private static IEnumerable<ISymbol?> Declarations(SyntaxTree tree, SemanticModel model) =>
        tree.GetRoot().DescendantNodes(node => node is not MemberDeclarationSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .OfType<BaseTypeDeclarationSyntax>()
            .Select(declaration => model.GetDeclaredSymbol(declaration));

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    // Analyzers are asynchronous; a test framework's synchronization context must not see their continuations.
    private static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation output, ImmutableArray<AdditionalText> additionalFiles, ProjectConfiguration configuration) =>
        Task.Run(() => output
                .WithAnalyzers(Analyzers.Value, new AnalyzerOptions(additionalFiles, configuration))
                .GetAnalyzerDiagnosticsAsync())
            .GetAwaiter()
            .GetResult();

    /// <summary>A file the build passes as an additional file, read from memory.</summary>
    private sealed class InMemoryAdditionalText(SourceFile file) : AdditionalText
    {
        public override string Path => file.Path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(file.Text, Encoding.UTF8);
    }
}
