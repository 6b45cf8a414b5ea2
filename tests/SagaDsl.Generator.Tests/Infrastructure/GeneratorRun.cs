using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SagaDsl.Generator;

namespace SagaDsl.Generator.Tests.Infrastructure;

/// <summary>Runs the saga generator on C# sources, against the real Temporalio and SagaDsl assemblies.</summary>
internal sealed class GeneratorRun
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    // The same two assembly-unification notes the SDK silences in every build.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSilenced = new Dictionary<string, ReportDiagnostic>
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    }.ToImmutableDictionary();

    // Temporalio.Extensions.Hosting is left out unless a test asks for it: the hosted-worker
    // registration is generated only for projects that reference it.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> HostingReferences = new(LoadReferences);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        HostingReferences.Value.Where(reference => !Path.GetFileName(reference.Display ?? string.Empty).StartsWith("Temporalio.Extensions.Hosting", StringComparison.Ordinal)).ToList());

    private GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    public Compilation Input { get; }

    /// <summary>Gets the shipped-shapes file the driver reads, when the project has one.</summary>
    private AdditionalText? ShapesFile { get; set; }

    public Compilation Output { get; }

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>The generated sources by hint name, in hint-name order.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.Results.SelectMany(result => result.GeneratedSources)
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .Select(source => (source.HintName, source.SourceText.ToString()))
            .ToList();

    /// <summary>
    /// Every warning and error of the output compilation, the generator's included. Documentation is
    /// checked in generated code only: test inputs need not document their members.
    /// </summary>
    public IReadOnlyList<Diagnostic> Problems =>
        Output.GetDiagnostics().Concat(GeneratorDiagnostics)
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .Where(diagnostic => diagnostic.Id != "CS1591" || IsInGeneratedCode(diagnostic))
            .ToList();

    /// <summary>The problems located in generated files: the generator's own, whatever the input.</summary>
    public IReadOnlyList<Diagnostic> ProblemsInGeneratedCode => Problems.Where(IsInGeneratedCode).ToList();

    public static bool IsInGeneratedCode(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    /// <summary>What the SAGA1xx determinism analyzer reports on the output, generated workflows included.</summary>
    public System.Threading.Tasks.Task<IReadOnlyList<Diagnostic>> DeterminismProblemsAsync() =>
        AnalyzeAsync(new SagaDsl.Analyzers.Determinism.WorkflowDeterminismAnalyzer());

    /// <summary>What the SAGA0xx declaration analyzer reports on the output, as the IDE shows it while typing.</summary>
    public System.Threading.Tasks.Task<IReadOnlyList<Diagnostic>> DeclarationProblemsAsync() =>
        AnalyzeAsync(new SagaDsl.Analyzers.Declarations.SagaDeclarationAnalyzer());

    /// <summary>Runs analyzers on the output; an analyzer that throws fails the call instead of becoming AD0001.</summary>
    public async System.Threading.Tasks.Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(params DiagnosticAnalyzer[] analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: static (exception, _, _) => throw new InvalidOperationException("The analyzer threw", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        return await Output.WithAnalyzers(ImmutableArray.Create(analyzers), options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
    }

    public static CSharpCompilation Compile(params string[] sources) => Compile(References.Value, ParseOptions, sources);

    /// <summary>Compiles against Temporalio.Extensions.Hosting too, as a worker-service project does.</summary>
    public static CSharpCompilation CompileWithHosting(params string[] sources) => Compile(HostingReferences.Value, ParseOptions, sources);

    private static CSharpCompilation Compile(IReadOnlyList<MetadataReference> references, CSharpParseOptions parseOptions, string[] sources) =>
        CSharpCompilation.Create(
            "SagaDsl.Tests.Input",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Input{index}.cs")),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: SdkSilenced,
                warningLevel: 9999,
                deterministic: true));

    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Compiles and generates as a project that sets <c>&lt;LangVersion&gt;</c> to <paramref name="version"/>.</summary>
    public static GeneratorRun RunWithLanguageVersion(LanguageVersion version, params string[] sources)
    {
        var options = ParseOptions.WithLanguageVersion(version);
        return RunTwice(Compile(References.Value, options, sources), NewDriver(options, buildProperties: null));
    }

    /// <summary>Compiles and generates as a project whose <c>SagaShapes.Shipped.txt</c> holds <paramref name="shapes"/>.</summary>
    public static GeneratorRun RunWithShippedShapes(string shapes, params string[] sources)
    {
        var file = new ShippedShapesFile(shapes);
        var run = RunTwice(Compile(sources), NewDriver(ParseOptions, buildProperties: null, file));
        run.ShapesFile = file;
        return run;
    }

    /// <summary>Runs an earlier run's driver on the same compilation after its shipped-shapes file changed to <paramref name="shapes"/>.</summary>
    public GeneratorRun WithShippedShapes(string shapes)
    {
        var file = new ShippedShapesFile(shapes);
        var run = RunOnce(Input, Driver.ReplaceAdditionalText(ShapesFile ?? throw new InvalidOperationException("This run had no shipped-shapes file."), file));
        run.ShapesFile = file;
        return run;
    }

    /// <summary>
    /// Runs the generator on a new driver (checked against a second run, as every first run is) or on an
    /// earlier run's, for a test of what an edit re-runs; <paramref name="buildProperties"/> are MSBuild
    /// properties the project makes visible.
    /// </summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null, IReadOnlyDictionary<string, string>? buildProperties = null) =>
        driver is null ? RunTwice(compilation, NewDriver(ParseOptions, buildProperties)) : RunOnce(compilation, driver);

    private static GeneratorRun RunOnce(Compilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    /// <summary>
    /// The run, then a second on a copy of the same compilation, as an IDE runs the generator again after
    /// an edit that changes nothing: every step must be served from the cache or find its output
    /// unchanged, nothing may be emitted again, and the sources must be the same.
    /// </summary>
    private static GeneratorRun RunTwice(Compilation compilation, GeneratorDriver driver)
    {
        var first = RunOnce(compilation, driver);
        var second = RunOnce(compilation.Clone(), first.Driver);
        second.AssertNothingRanAgain("The second run of an unchanged compilation");
        Xunit.Assert.Equal(first.Sources, second.Sources);
        return first;
    }

    /// <summary>
    /// Fails unless every step of the generator (<c>SagaDsl.*</c>) was served from the cache or found its
    /// output unchanged on this run of an earlier run's driver, and no source was emitted again.
    /// </summary>
    public void AssertNothingRanAgain(string run)
    {
        var result = Result.Results.Single();
        foreach (var (name, steps) in result.TrackedSteps.Where(static step => step.Key.StartsWith("SagaDsl.", StringComparison.Ordinal)))
        {
            foreach (var output in steps.SelectMany(static step => step.Outputs))
            {
                Xunit.Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{run} ran {name} again: {output.Reason}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(static step => step.Value).SelectMany(static step => step.Outputs))
        {
            Xunit.Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"{run} emitted again: {output.Reason}");
        }
    }

    private static CSharpGeneratorDriver NewDriver(CSharpParseOptions parseOptions, IReadOnlyDictionary<string, string>? buildProperties, AdditionalText? shippedShapes = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new SagaGenerator().AsSourceGenerator() },
            additionalTexts: shippedShapes is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create(shippedShapes),
            parseOptions: parseOptions,
            optionsProvider: new BuildProperties(buildProperties ?? new Dictionary<string, string>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static List<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => !Path.GetFileName(path).StartsWith("SagaDsl.Generator", StringComparison.Ordinal)
                && !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    /// <summary>The project's shipped-shapes file, as the package's targets pass it.</summary>
    private sealed class ShippedShapesFile(string text) : AdditionalText
    {
        public override string Path => "/project/SagaShapes.Shipped.txt";

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    /// <summary>MSBuild properties as the compiler passes them: <c>build_property.Name</c> global options.</summary>
    private sealed class BuildProperties(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
    {
        private readonly Options global = new(properties.ToDictionary(pair => "build_property." + pair.Key, pair => pair.Value));

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
