using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>The operation tree of a piece of the compilation's source, for code the analyzer reads outside the member it is given.</summary>
internal sealed class SourceOperations
{
    private readonly Compilation compilation;

    public SourceOperations(Compilation compilation) => this.compilation = compilation;

    public IOperation? Of(SyntaxReference reference, CancellationToken cancellationToken) => Of(reference.GetSyntax(cancellationToken), cancellationToken);

    [SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer", Justification = "Following calls into other files needs their semantic models; the analyzer driver hands out its cached models here.")]
    public IOperation? Of(SyntaxNode syntax, CancellationToken cancellationToken) =>
        compilation.ContainsSyntaxTree(syntax.SyntaxTree) ? compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) : null;
}
