using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SagaDsl.Analyzers.Versioning;
using SagaDsl.Diagnostics;

namespace SagaDsl.CodeFixes;

/// <summary>
/// Records a saga's shape in the project's shipped-shapes file: as a new shape, when the newest recorded
/// one shipped (SAGA028) or none is recorded yet (SAGA029), or in place of the newest one, when that one
/// never shipped. The shape's lines come with the diagnostic, from the analyzer's plan.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShippedShapeCodeFixProvider)), Shared]
public sealed class ShippedShapeCodeFixProvider : CodeFixProvider
{
    private const string ShapeNotRecorded = RuleIds.ShapeNotRecorded;
    private const string SagaNotRecorded = RuleIds.SagaNotRecorded;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ShapeNotRecorded, SagaNotRecorded);

    // Each fix rewrites one shared file from what one diagnostic carries; applying several at once would
    // number their shapes from the same file.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var properties = diagnostic.Properties;
            if (!properties.TryGetValue(ShippedShapeChecks.ShapeTextProperty, out var text) || text is null
                || !properties.TryGetValue(ShippedShapeChecks.ShapesFileProperty, out var path)
                || context.Document.Project.AdditionalDocuments.FirstOrDefault(document => document.FilePath == path) is not { } file)
            {
                continue;
            }

            var number = Number(text);
            context.RegisterCodeFix(
                CodeAction.Create($"Record it as shape {number} in {file.Name}", cancellationToken => RecordAsync(file, text, replaces: null, cancellationToken), "SagaDsl.RecordShape"),
                diagnostic);
            if (properties.TryGetValue(ShippedShapeChecks.ReplacesProperty, out var replaced) && int.TryParse(replaced, NumberStyles.None, CultureInfo.InvariantCulture, out var unshipped))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Update shape {unshipped} in {file.Name}: it never shipped", cancellationToken => RecordAsync(file, text, unshipped, cancellationToken), "SagaDsl.UpdateShape"),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> RecordAsync(TextDocument file, string shape, int? replaces, CancellationToken cancellationToken)
    {
        var text = (await file.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        var updated = replaces is { } number ? Replace(text, Renumber(shape, number), number, WorkflowType(shape)) : Append(text, shape);
        return file.Project.Solution.WithAdditionalDocumentText(file.Id, SourceText.From(updated));
    }

    private static string Append(string text, string shape)
    {
        var body = text.TrimEnd('\r', '\n', ' ', '\t');
        return body.Length == 0 ? shape : body + "\n\n" + shape;
    }

    /// <summary>Puts the shape where the block of shape <paramref name="number"/> was: its header and the indented lines under it.</summary>
    private static string Replace(string text, string shape, int number, string workflowType)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var header = "shape " + number.ToString(CultureInfo.InvariantCulture) + " of " + workflowType;
        var start = lines.FindIndex(line => line.Trim() == header);
        if (start < 0)
        {
            return Append(text, shape);
        }

        var end = start + 1;
        while (end < lines.Count && lines[end].Length > 0 && char.IsWhiteSpace(lines[end][0]) && lines[end].Trim().Length > 0)
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, shape.TrimEnd('\n').Split('\n'));
        return string.Join("\n", lines);
    }

    private static string Number(string shape) => shape.Substring("shape ".Length, shape.IndexOf(" of ", StringComparison.Ordinal) - "shape ".Length);

    private static string WorkflowType(string shape)
    {
        var header = shape.Substring(0, shape.IndexOf('\n'));
        return header.Substring(header.IndexOf(" of ", StringComparison.Ordinal) + " of ".Length);
    }

    private static string Renumber(string shape, int number) =>
        "shape " + number.ToString(CultureInfo.InvariantCulture) + shape.Substring(shape.IndexOf(" of ", StringComparison.Ordinal));
}
