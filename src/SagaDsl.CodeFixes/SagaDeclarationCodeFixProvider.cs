using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SagaDsl.Diagnostics;

namespace SagaDsl.CodeFixes;

/// <summary>
/// Fixes for the saga declaration rules with one obvious repair: make the saga <c>partial</c>
/// (SAGA001), give a step with a taken order the next free one (SAGA004), point a misspelt
/// compensation at the method it most likely means, or else create the missing compensation, which
/// undoes the step by its key (SAGA005), and remove a compensation on or after the pivot (SAGA012).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SagaDeclarationCodeFixProvider)), Shared]
public sealed class SagaDeclarationCodeFixProvider : CodeFixProvider
{
    private const string MakePartial = RuleIds.SagaMustBePartial;
    private const string Renumber = RuleIds.InvalidStepOrder;
    private const string CreateCompensation = RuleIds.CompensationNotFound;
    private const string RemoveCompensation = RuleIds.CompensationAtOrAfterPivot;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MakePartial, Renumber, CreateCompensation, RemoveCompensation);

    /// <summary>
    /// Applies fixes one after another in source order, each on the result of the last (so two steps
    /// that shared an order get two different new orders), finding each target by an annotation.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(static async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var ordered = diagnostics.OrderBy(static diagnostic => diagnostic.Location.SourceSpan.Start).ToList();
            var targets = ordered.Select(diagnostic => (diagnostic.Id, Node: root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), Mark: new SyntaxAnnotation())).ToList();
            var marks = targets.GroupBy(static target => target.Node).ToDictionary(static group => group.Key, static group => group.Select(static target => target.Mark).ToArray());
            document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            foreach (var target in targets)
            {
                root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (root?.GetAnnotatedNodes(target.Mark).FirstOrDefault() is { } node && Fix(document, root, model, target.Id, node) is { } fix)
                {
                    document = await fix.Apply(context.CancellationToken).ConfigureAwait(false);
                }
            }

            return document;
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Fix(context.Document, root, model, diagnostic.Id, node) is { } fix)
            {
                context.RegisterCodeFix(CodeAction.Create(fix.Title, fix.Apply, diagnostic.Id), diagnostic);
            }
        }
    }

    private static (string Title, System.Func<CancellationToken, Task<Document>> Apply)? Fix(Document document, SyntaxNode root, SemanticModel? model, string id, SyntaxNode node)
    {
        return id switch
        {
            CreateCompensation when node.FirstAncestorOrSelf<AttributeSyntax>() is { ArgumentList.Arguments: [var argument, ..] } attribute
                && CompensationName(attribute) is { } typed
                && MeantCompensation(model, attribute, typed) is { } meant =>
                ($"Use compensation '{meant}'", _ => Replace(document, root, argument.Expression, NameOfExpression(meant).WithTriviaFrom(argument.Expression))),
            MakePartial when node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } saga =>
                ("Make the saga partial", _ => Replace(document, root, saga, AddPartial(saga))),
            Renumber when node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } step =>
                ("Give the step the next free order", token => RenumberAsync(document, root, step, token)),
            CreateCompensation when node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute && CompensationName(attribute) is { } name =>
                ($"Create compensation '{name}'", _ => CreateCompensationAsync(document, root, attribute, name)),
            RemoveCompensation when node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute =>
                ("Remove the compensation", _ => Replace(document, root, attribute, null)),
            _ => null,
        };
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode node, SyntaxNode? replacement)
    {
        if (replacement is not null)
        {
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, replacement)));
        }

        // An attribute alone in its list takes the list with it; otherwise only the attribute goes.
        var removed = node.Parent is AttributeListSyntax { Attributes.Count: 1 } list
            ? root.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia)
            : root.RemoveNode(node, SyntaxRemoveOptions.KeepNoTrivia);
        return Task.FromResult(removed is null ? document : document.WithSyntaxRoot(removed));
    }

    private static ClassDeclarationSyntax AddPartial(ClassDeclarationSyntax saga)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (saga.Modifiers.Count == 0)
        {
            // The keyword's leading trivia (indentation, comments) moves to the new first token.
            return saga.WithKeyword(saga.Keyword.WithLeadingTrivia())
                .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(saga.Keyword.LeadingTrivia)));
        }

        return saga.WithModifiers(saga.Modifiers.Add(partial));
    }

    private static async Task<Document> RenumberAsync(Document document, SyntaxNode root, MethodDeclarationSyntax step, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || step.Parent is not TypeDeclarationSyntax saga || StepAttribute(step) is not { ArgumentList.Arguments: [var order, ..] })
        {
            return document;
        }

        var taken = saga.Members.OfType<MethodDeclarationSyntax>()
            .Select(StepAttribute)
            .Select(attribute => attribute?.ArgumentList?.Arguments.FirstOrDefault())
            .Select(argument => argument is null ? null : model.GetConstantValue(argument.Expression, cancellationToken).Value as int?)
            .Where(value => value is not null)
            .Select(value => value!.Value)
            .DefaultIfEmpty(0)
            .Max();
        var next = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(taken + 1)).WithTriviaFrom(order.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(order.Expression, next));
    }

    private static AttributeSyntax? StepAttribute(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(static list => list.Attributes).FirstOrDefault(static attribute => NameOf(attribute) is "SagaStep" or "SagaStepAttribute");

    private static string NameOf(AttributeSyntax attribute) => attribute.Name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => attribute.Name.ToString(),
    };

    /// <summary>The method of the saga the misspelt compensation name most likely means, as the diagnostic suggests it.</summary>
    private static string? MeantCompensation(SemanticModel? model, AttributeSyntax attribute, string typed)
    {
        if (model?.GetDeclaredSymbol(attribute.FirstAncestorOrSelf<TypeDeclarationSyntax>()!) is not INamedTypeSymbol saga)
        {
            return null;
        }

        var methods = saga.GetMembers().OfType<IMethodSymbol>()
            .Where(static method => method.MethodKind == MethodKind.Ordinary && !method.GetAttributes().Any(static data => data.AttributeClass?.ToDisplayString() == "SagaDsl.SagaStepAttribute"))
            .Select(static method => method.Name);
        return SagaDsl.Generator.Suggestions.Closest(typed, methods);
    }

    private static InvocationExpressionSyntax NameOfExpression(string method) =>
        SyntaxFactory.InvocationExpression(
            SyntaxFactory.IdentifierName("nameof"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(method)))));

    /// <summary>The compensation's name, from <c>nameof(Name)</c> or a string literal.</summary>
    private static string? CompensationName(AttributeSyntax attribute) => attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression switch
    {
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [{ Expression: IdentifierNameSyntax name }] } => name.Identifier.ValueText,
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && SyntaxFacts.IsValidIdentifier(literal.Token.ValueText) => literal.Token.ValueText,
        _ => null,
    };

    /// <summary>
    /// Creates the compensation taking only the <c>StepContext</c>: it finds the effect to undo by
    /// <c>StepKey</c>, so it also undoes a step whose answer was lost, which a compensation taking the
    /// step's result cannot (SAGA022).
    /// </summary>
    private static Task<Document> CreateCompensationAsync(Document document, SyntaxNode root, AttributeSyntax attribute, string name)
    {
        if (attribute.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } step)
        {
            return Task.FromResult(document);
        }

        var compensation = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            $"public System.Threading.Tasks.Task {name}(SagaDsl.StepContext context)\n{{\n    throw new System.NotImplementedException(\"Undo the effect {step.Identifier.ValueText} made with context.StepKey, passing context.IdempotencyKey.\");\n}}\n")!;
        var placed = root.InsertNodesAfter(step, new[] { compensation.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation) });
        return Task.FromResult(document.WithSyntaxRoot(placed));
    }
}
