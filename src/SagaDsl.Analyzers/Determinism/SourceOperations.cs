using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

    /// <summary>The value the initializer of a field or property gives it, per declaration that has one.</summary>
    public IEnumerable<IOperation> InitializersOf(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax { Initializer: { } value } => value,
                PropertyDeclarationSyntax { Initializer: { } value } => value,
                _ => null,
            };
            if (initializer is not null && Of(initializer, cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }
}
