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
using SagaDsl.Analyzers.Determinism;
using SagaDsl.Diagnostics;

namespace SagaDsl.CodeFixes;

/// <summary>
/// Replaces a direct nondeterministic use in workflow code by Temporal's deterministic API:
/// <c>Workflow.UtcNow</c>, <c>Workflow.NewGuid()</c>, <c>Workflow.Random</c>, <c>Workflow.DelayAsync</c>,
/// <c>Workflow.RunTaskAsync</c>, <c>Workflow.WhenAllAsync</c>/<c>WhenAnyAsync</c>, <c>Workflow.Logger</c>, or drops
/// <c>ConfigureAwait(false)</c>. Trivia is kept; the <c>using</c> is added when missing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeterminismCodeFixProvider)), Shared]
public sealed class DeterminismCodeFixProvider : CodeFixProvider
{
    private const string WorkflowsNamespace = "Temporalio.Workflows";

    // One key for every fix: they all mean "use the workflow API", so Fix All applies them together.
    private const string EquivalenceKey = "SagaDsl.UseWorkflowApi";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WallClock, RuleIds.Randomness, RuleIds.ThreadPool, RuleIds.SystemTimer, RuleIds.TaskCombinator, RuleIds.ConfigureAwaitFalse, RuleIds.OutsideWorld);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(static async (context, document, diagnostics) =>
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            return root is null ? document : document.WithSyntaxRoot(Fix(root, diagnostics));
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(root, diagnostic) is not { } target || Replacement(target.Node, target.Fix) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title(target.Node, target.Fix), _ => Task.FromResult(document.WithSyntaxRoot(Fix(root, new[] { diagnostic }))), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// Applies the fixes of <paramref name="diagnostics"/> in one pass: a fix inside another's node
    /// is kept, because each replacement is built from the already rewritten node.
    /// </summary>
    private static SyntaxNode Fix(SyntaxNode root, IEnumerable<Diagnostic> diagnostics)
    {
        var targets = diagnostics.Select(diagnostic => Target(root, diagnostic)).OfType<(ExpressionSyntax Node, DeterminismFix Fix)>().ToList();
        var fixes = targets.ToDictionary(static target => (SyntaxNode)target.Node, static target => target.Fix);
        var fixedRoot = root.ReplaceNodes(
            fixes.Keys,
            (original, rewritten) => Replacement((ExpressionSyntax)rewritten, fixes[original])?.WithTriviaFrom(rewritten) ?? rewritten);
        var needsImport = targets.Any(static target => target.Fix != DeterminismFix.DropConfigureAwait);
        return needsImport && fixedRoot is CompilationUnitSyntax unit && !Imports(unit) ? AddImport(unit) : fixedRoot;
    }

    private static (ExpressionSyntax Node, DeterminismFix Fix)? Target(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(WorkflowDeterminismAnalyzer.FixProperty, out var name)
        && System.Enum.TryParse<DeterminismFix>(name, out var fix)
        && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax node
            ? (node, fix)
            : null;

    private static string Title(ExpressionSyntax node, DeterminismFix fix) => fix switch
    {
        DeterminismFix.UtcNow when node is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Now" } => "Use Workflow.UtcNow (UTC, not the worker's local time)",
        DeterminismFix.UtcNow => "Use Workflow.UtcNow",
        DeterminismFix.UtcToday => "Use Workflow.UtcNow.Date",
        DeterminismFix.NewGuid => "Use Workflow.NewGuid()",
        DeterminismFix.WorkflowRandom => "Use Workflow.Random",
        DeterminismFix.DelayAsync => "Use Workflow.DelayAsync",
        DeterminismFix.RunTaskAsync => "Use Workflow.RunTaskAsync",
        DeterminismFix.WhenAllAsync => "Use Workflow.WhenAllAsync",
        DeterminismFix.WhenAnyAsync => "Use Workflow.WhenAnyAsync",
        DeterminismFix.WorkflowLogger => "Log with Workflow.Logger",
        _ => "Remove ConfigureAwait(false)",
    };

    /// <summary>The expression that replaces <paramref name="node"/>, or null where the shape is not the expected one.</summary>
    private static ExpressionSyntax? Replacement(ExpressionSyntax node, DeterminismFix fix) => fix switch
    {
        DeterminismFix.UtcNow => SyntaxFactory.ParseExpression("Workflow.UtcNow"),
        DeterminismFix.UtcToday => SyntaxFactory.ParseExpression("Workflow.UtcNow.Date"),
        DeterminismFix.NewGuid => SyntaxFactory.ParseExpression("Workflow.NewGuid()"),
        DeterminismFix.WorkflowRandom => SyntaxFactory.ParseExpression("Workflow.Random"),
        DeterminismFix.DelayAsync => Retarget(node, "DelayAsync"),
        DeterminismFix.RunTaskAsync => Retarget(node, "RunTaskAsync"),
        DeterminismFix.WhenAllAsync => Retarget(node, "WhenAllAsync"),
        DeterminismFix.WhenAnyAsync => Retarget(node, "WhenAnyAsync"),
        DeterminismFix.DropConfigureAwait => node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression : null,
        DeterminismFix.WorkflowLogger => LogThroughWorkflowLogger(node),
        _ => null,
    };

    /// <summary><c>Task.Delay(args)</c> becomes <c>Workflow.DelayAsync(args)</c>: same arguments, Temporal's method.</summary>
    private static InvocationExpressionSyntax? Retarget(ExpressionSyntax node, string method) =>
        node is InvocationExpressionSyntax invocation
            ? invocation.WithExpression(SyntaxFactory.ParseExpression("Workflow." + method).WithTriviaFrom(invocation.Expression))
            : null;

    /// <summary><c>logger.LogInformation(args)</c> becomes <c>Workflow.Logger.LogInformation(args)</c>; the field can then go.</summary>
    private static InvocationExpressionSyntax? LogThroughWorkflowLogger(ExpressionSyntax node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            ? invocation.WithExpression(access.WithExpression(SyntaxFactory.ParseExpression("Workflow.Logger").WithTriviaFrom(access.Expression)))
            : null;

    private static CompilationUnitSyntax AddImport(CompilationUnitSyntax unit)
    {
        // The file's own line ending, so an LF file stays LF.
        var newLine = unit.DescendantTrivia().FirstOrDefault(static trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(WorkflowsNamespace))
            .WithTrailingTrivia(newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.LineFeed);
        return unit.AddUsings(directive);
    }

    private static bool Imports(CompilationUnitSyntax unit) =>
        unit.Usings.Concat(unit.Members.OfType<BaseNamespaceDeclarationSyntax>().SelectMany(static space => space.Usings))
            .Any(static directive => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name?.ToString() == WorkflowsNamespace);
}
