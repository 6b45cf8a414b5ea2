using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// The bodies of workflow code written in one file: the same members the analyzer driver hands out
/// as operation blocks of a workflow class (methods, constructors with their initializers,
/// accessors, instance field and property initializers), each as its operation tree.
/// </summary>
internal sealed class WorkflowBodies
{
    private readonly WorkflowCode workflowCode;

    public WorkflowBodies(WorkflowCode workflowCode) => this.workflowCode = workflowCode;

    /// <summary>The workflow bodies of the model's file that touch <paramref name="span"/>.</summary>
    public IEnumerable<IOperation> In(SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        var root = model.SyntaxTree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes(span, static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is not TypeDeclarationSyntax declaration
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type
                || !workflowCode.IsWorkflowType(type))
            {
                continue;
            }

            foreach (var member in type.GetMembers())
            {
                if (!workflowCode.Runs(member))
                {
                    continue;
                }

                // A partial class can have several parts in one file: each part yields only its own members.
                foreach (var reference in Implementation(member).DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == model.SyntaxTree
                        && declaration.Span.Contains(reference.Span)
                        && span.IntersectsWith(reference.Span)
                        && Body(member, reference.GetSyntax(cancellationToken)) is { } body
                        && model.GetOperation(body, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }
            }
        }
    }

    private static ISymbol Implementation(ISymbol member) =>
        member is IMethodSymbol { PartialImplementationPart: { } implementation } ? implementation : member;

    /// <summary>The node whose operation is the code a member runs, if it runs any.</summary>
    private static SyntaxNode? Body(ISymbol member, SyntaxNode declaration) => declaration switch
    {
        VariableDeclaratorSyntax field => field.Initializer,
        PropertyDeclarationSyntax property => property.Initializer,

        // A primary constructor runs only the arguments it passes to the base constructor.
        TypeDeclarationSyntax type => member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? PrimaryConstructorBase(type) : null,
        BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax => declaration,
        _ => null,
    };

    private static PrimaryConstructorBaseTypeSyntax? PrimaryConstructorBase(TypeDeclarationSyntax type)
    {
        if (type.BaseList is null)
        {
            return null;
        }

        foreach (var baseType in type.BaseList.Types)
        {
            if (baseType is PrimaryConstructorBaseTypeSyntax call)
            {
                return call;
            }
        }

        return null;
    }
}
