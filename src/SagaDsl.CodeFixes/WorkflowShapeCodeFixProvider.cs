using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SagaDsl.Analyzers.Shapes;
using SagaDsl.Diagnostics;

namespace SagaDsl.CodeFixes;

/// <summary>
/// The SAGA202 repairs that need no judgement: a signal returning nothing returns <c>Task</c> (its
/// <c>return;</c> statements return a completed task), and a query returning a task returns the value,
/// when the method is <c>async</c> without awaiting anything or wraps every answer in
/// <c>Task.FromResult</c>. A query that really awaits is left to its author: a query cannot wait.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WorkflowShapeCodeFixProvider)), Shared]
public sealed class WorkflowShapeCodeFixProvider : CodeFixProvider
{
    private const string Handler = RuleIds.Handler;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Handler);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan) is not MethodDeclarationSyntax method
                || !diagnostic.Properties.TryGetValue(WorkflowShapeAnalyzer.FixProperty, out var fix)
                || Repair(method, fix) is not { } repaired)
            {
                continue;
            }

            var title = fix == WorkflowShapeAnalyzer.SignalReturnsTask ? "Return Task from the signal" : "Return the value from the query";
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(method, repaired))), "SagaDsl.ShapeFix." + fix),
                diagnostic);
        }
    }

    private static MethodDeclarationSyntax? Repair(MethodDeclarationSyntax method, string? fix) => fix switch
    {
        WorkflowShapeAnalyzer.SignalReturnsTask => ReturnTask(method),
        WorkflowShapeAnalyzer.QueryReturnsValue => ReturnValue(method),
        _ => null,
    };

    private static MethodDeclarationSyntax ReturnTask(MethodDeclarationSyntax method)
    {
        var task = TypeName("global::System.Threading.Tasks.Task").WithTriviaFrom(method.ReturnType);
        if (method.Modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            return method.WithReturnType(task);
        }

        var completed = Expression("global::System.Threading.Tasks.Task.CompletedTask");
        BlockSyntax body;
        if (method.ExpressionBody is { } arrow)
        {
            body = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(arrow.Expression), SyntaxFactory.ReturnStatement(completed));
            method = method.WithExpressionBody(null).WithSemicolonToken(default);
        }
        else if (method.Body is { } block)
        {
            body = block.ReplaceNodes(OwnReturns(block), (_, rewritten) => rewritten.WithExpression(completed.WithLeadingTrivia(SyntaxFactory.Space)));
            if (body.Statements.LastOrDefault() is not (ReturnStatementSyntax or ThrowStatementSyntax))
            {
                body = body.AddStatements(SyntaxFactory.ReturnStatement(completed));
            }
        }
        else
        {
            return method.WithReturnType(task);
        }

        return method.WithReturnType(task).WithBody(body.WithAdditionalAnnotations(Formatter.Annotation));
    }

    private static MethodDeclarationSyntax? ReturnValue(MethodDeclarationSyntax method)
    {
        if (method.ReturnType is not GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } arguments })
        {
            return null;
        }

        var valueType = arguments[0].WithTriviaFrom(method.ReturnType);
        var async = method.Modifiers.FirstOrDefault(static modifier => modifier.IsKind(SyntaxKind.AsyncKeyword));
        if (async != default)
        {
            if (OwnNodes(method).Any(static node => node is AwaitExpressionSyntax))
            {
                return null;
            }

            // The modifier's trivia goes to whatever followed it, so the signature keeps its spacing.
            var modifiers = method.Modifiers.Remove(async);
            return method.WithModifiers(modifiers).WithReturnType(modifiers.Count == 0 ? valueType.WithLeadingTrivia(async.LeadingTrivia) : valueType);
        }

        var answers = Answers(method).ToList();
        if (answers.Count == 0 || answers.Any(static answer => Unwrapped(answer) is null))
        {
            return null;
        }

        return method.ReplaceNodes(answers, static (_, rewritten) => Unwrapped(rewritten)!.WithTriviaFrom(rewritten)).WithReturnType(valueType);
    }

    /// <summary>What the query answers: its arrow's expression, or each of its own returns' expressions.</summary>
    private static IEnumerable<ExpressionSyntax> Answers(MethodDeclarationSyntax method) =>
        method.ExpressionBody is { } arrow
            ? new[] { arrow.Expression }
            : method.Body is { } block ? OwnReturns(block).Select(static statement => statement.Expression!) : Enumerable.Empty<ExpressionSyntax>();

    /// <summary>The argument of <c>Task.FromResult(x)</c> (or <c>Task.FromResult&lt;T&gt;(x)</c>), else null.</summary>
    private static ExpressionSyntax? Unwrapped(ExpressionSyntax? answer) =>
        answer is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromResult", Expression: var owner },
            ArgumentList.Arguments: { Count: 1 } arguments,
        }
        && owner.ToString() is "Task" or "System.Threading.Tasks.Task" or "global::System.Threading.Tasks.Task"
            ? arguments[0].Expression
            : null;

    /// <summary>The method's own <c>return</c> statements, not those of lambdas or local functions inside it.</summary>
    private static IEnumerable<ReturnStatementSyntax> OwnReturns(SyntaxNode body) =>
        OwnNodes(body).OfType<ReturnStatementSyntax>();

    private static IEnumerable<SyntaxNode> OwnNodes(SyntaxNode node) =>
        node.DescendantNodes(static child => child is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    private static TypeSyntax TypeName(string name) => SyntaxFactory.ParseTypeName(name).WithAdditionalAnnotations(Simplifier.Annotation);

    private static ExpressionSyntax Expression(string text) => SyntaxFactory.ParseExpression(text).WithAdditionalAnnotations(Simplifier.Annotation);
}
