using Microsoft.CodeAnalysis;
using SagaDsl.Generator.Diagnostics;

namespace SagaDsl.Generator;

/// <summary>
/// Turns every <c>[Saga]</c> class into a Temporal workflow, activity adapters, worker registration
/// and a client helper. Parse (symbols to a value-only model), then emit (model to text).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class SagaGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.SagaAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (syntax, cancellationToken) => Parser.Parse(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var sagas = parsed
            .Where(static result => result.Saga is not null)
            .Select(static (result, _) => result.Saga!)
            .WithTrackingName(TrackingNames.Sagas);

        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic(SagaDiagnostics.Find));
            }
        });

        context.RegisterSourceOutput(sagas, static (output, saga) =>
        {
            foreach (var (hintName, source) in Emitter.Emit(saga))
            {
                output.AddSource(hintName, source);
            }
        });
    }
}
