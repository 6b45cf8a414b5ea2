using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;
using SagaDsl.Generator.Versioning;

namespace SagaDsl.Generator;

/// <summary>
/// Turns every <c>[Saga]</c> class into a Temporal workflow, activity adapters, worker registration
/// and a client helper. Parse (symbols to a value-only model), then emit (model to text). A saga with
/// an error gets only stand-ins of its public types; the declaration analyzer, which shares the
/// parser, reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class SagaGenerator : IIncrementalGenerator
{
    /// <summary>The MSBuild property that asks for a Markdown diagram file per saga (see the package's targets).</summary>
    private const string DiagramsPathProperty = "build_property.SagaDslDiagramsPath";

    private const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp9;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.SagaAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (syntax, cancellationToken) => SagaParser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var sagas = parsed
            .Where(static result => result.Saga is not null)
            .Select(static (result, _) => result.Saga!)
            .WithTrackingName(TrackingNames.Sagas);

        // Only here are all the sagas of the compilation seen together. The locations inside make
        // this step change on most edits; it reports diagnostics only, emits nothing.
        var identities = parsed
            .Select(static (result, _) => result.Identity)
            .Where(static identity => identity is not null)
            .Collect()
            .WithTrackingName(TrackingNames.Identities);

        context.RegisterSourceOutput(identities, static (output, found) =>
        {
            foreach (var clash in DuplicateWorkflowTypes.Find(found!))
            {
                output.ReportDiagnostic(clash);
            }
        });

        // Flags, not the compilation or the options, flow on: they stay equal across edits, so
        // sagas stay cached.
        var hosting = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(KnownTypes.HostingBuilder) is not null)
            .WithTrackingName(TrackingNames.Hosting);
        var diagramFiles = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(DiagramsPathProperty, out var path) && !string.IsNullOrWhiteSpace(path))
            .WithTrackingName(TrackingNames.DiagramFiles);
        var settings = hosting.Combine(diagramFiles)
            .Select(static (flags, _) => new EmitSettings(flags.Left, flags.Right));

        // The generated code uses C# 9; an older language version gets one clear error per saga
        // instead of a cascade of errors in files the user never wrote.
        var languageVersion = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Default)
            .WithTrackingName(TrackingNames.LanguageVersion);

        context.RegisterSourceOutput(identities.Combine(languageVersion), static (output, found) =>
        {
            if (found.Right >= MinimumLanguageVersion)
            {
                return;
            }

            foreach (var saga in found.Left)
            {
                output.ReportDiagnostic(Diagnostic.Create(SagaDiagnostics.LanguageVersionTooOld, saga!.Location?.ToLocation(), saga.FullName, found.Right.ToDisplayString()));
            }
        });

        // A saga in error gets stand-ins of its public types, so code that uses it still compiles and
        // the build shows the saga's own errors.
        var standIns = parsed
            .Where(static result => result.Surface is not null)
            .Select(static (result, _) => result.Surface!)
            .WithTrackingName(TrackingNames.StandIns);

        context.RegisterSourceOutput(standIns.Combine(settings).Combine(languageVersion), static (output, target) =>
        {
            var ((surface, emitSettings), version) = target;
            if (version < MinimumLanguageVersion)
            {
                return;
            }

            foreach (var (hintName, source) in Emitter.EmitStandIns(surface, emitSettings))
            {
                output.AddSource(hintName, source);
            }
        });

        // The shapes running executions may have begun on, from the shipped-shapes files: values only, so
        // an edit elsewhere leaves every saga cached. A saga whose shapes cannot be planned is emitted
        // unversioned; the declaration analyzer reports why, and the build fails.
        var shipped = context.AdditionalTextsProvider
            .Where(static file => ShapeText.IsShapesFile(file.Path))
            .Select(static (file, cancellationToken) => ShapeText.Read(file.Path, file.GetText(cancellationToken) ?? Microsoft.CodeAnalysis.Text.SourceText.From(string.Empty)))
            .Collect()
            .Select(static (files, _) => ShapeText.Merge(files))
            .WithTrackingName(TrackingNames.ShippedShapes);
        var versioned = sagas.Combine(shipped)
            .Select(static (pair, _) => SagaVersions.Plan(pair.Left, pair.Right, sagaLocation: null) is { Paths.Length: > 0 } plan ? pair.Left with { Paths = plan.Paths } : pair.Left)
            .WithTrackingName(TrackingNames.Versions);

        context.RegisterSourceOutput(versioned.Combine(settings).Combine(languageVersion), static (output, target) =>
        {
            var ((saga, emitSettings), version) = target;
            if (version < MinimumLanguageVersion)
            {
                return;
            }

            foreach (var (hintName, source) in Emitter.Emit(saga, emitSettings))
            {
                output.AddSource(hintName, source);
            }
        });
    }
}
