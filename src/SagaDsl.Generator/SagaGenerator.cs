using Microsoft.CodeAnalysis;

namespace SagaDsl.Generator;

/// <summary>
/// Turns every <c>[Saga]</c> class into a Temporal workflow, activity adapters, worker registration
/// and a client helper. Parse (symbols to a value-only model), then emit (model to text). A saga with
/// an error gets no code; the declaration analyzer, which shares the parser, reports why.
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

        // A flag, not the compilation, flows on: it stays equal across edits, so sagas stay cached.
        var hosting = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(KnownTypes.HostingBuilder) is not null)
            .WithTrackingName(TrackingNames.Hosting);

        context.RegisterSourceOutput(sagas.Combine(hosting), static (output, target) =>
        {
            foreach (var (hintName, source) in Emitter.Emit(target.Left, target.Right))
            {
                output.AddSource(hintName, source);
            }
        });
    }
}
