using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SagaDsl.Analyzers.Declarations;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;
using SagaDsl.Generator.Versioning;

namespace SagaDsl.Analyzers.Versioning;

/// <summary>
/// Compares every valid saga with the shapes its running executions may have begun on, recorded in the
/// project's <c>SagaShapes.Shipped.txt</c>, with the plan the generator versions the workflow by: a shape
/// change not recorded (SAGA028), a saga never recorded while the project records shapes (SAGA029), a
/// line of the file not understood (SAGA030), a shipped shape the saga can no longer run (SAGA031). Run
/// by the declaration analyzer on the saga it has already parsed.
/// </summary>
internal sealed class ShippedShapeChecks
{
    /// <summary>Diagnostic property: the block of lines that records the saga's shape.</summary>
    public const string ShapeTextProperty = "ShapeText";

    /// <summary>Diagnostic property: the shipped-shapes file to write it into.</summary>
    public const string ShapesFileProperty = "ShapesFile";

    /// <summary>Diagnostic property: the workflow type whose shape it is.</summary>
    public const string WorkflowTypeProperty = "WorkflowType";

    /// <summary>Diagnostic property: the number of the shape it may replace, when that one never shipped.</summary>
    public const string ReplacesProperty = "Replaces";

    private readonly Lazy<ShippedShapes> shipped;
    private readonly string? firstFile;
    private readonly SourceTrees trees;

    private ShippedShapeChecks(ImmutableArray<AdditionalText> files, SourceTrees trees, CancellationToken cancellationToken)
    {
        shipped = new Lazy<ShippedShapes>(() => ShapeText.Merge(files.Select(file => ShapeText.Read(file.Path, file.GetText(cancellationToken) ?? SourceText.From(string.Empty))).ToList()), LazyThreadSafetyMode.ExecutionAndPublication);
        firstFile = files.FirstOrDefault()?.Path;
        this.trees = trees;
    }

    /// <summary>Reads the project's shipped-shapes files once, when first needed, and reports what in them is not understood.</summary>
    public static ShippedShapeChecks Register(CompilationStartAnalysisContext start, SourceTrees trees)
    {
        var files = start.Options.AdditionalFiles.Where(static file => ShapeText.IsShapesFile(file.Path)).ToImmutableArray();
        var checks = new ShippedShapeChecks(files, trees, start.CancellationToken);
        if (files.Length > 0)
        {
            start.RegisterAdditionalFileAction(checks.ReportUnreadable);
        }

        return checks;
    }

    /// <summary>Reports how a valid saga stands to its shipped shapes, with what the code fix needs to record it.</summary>
    public void Check(SymbolAnalysisContext context, SagaModel saga, LocationInfo? location)
    {
        var shapes = shipped.Value;
        if (shapes.Errors.Length > 0)
        {
            // Compared with a file read in part, every saga could look changed: the file is fixed first.
            return;
        }

        var plan = SagaVersions.Plan(saga, shapes, location);
        var file = shapes.Of(saga.WorkflowType).LastOrDefault()?.Location?.FilePath ?? firstFile;
        foreach (var diagnostic in plan.Diagnostics)
        {
            var properties = plan.Record is { } record && file is not null
                ? ImmutableDictionary<string, string?>.Empty
                    .Add(ShapeTextProperty, record.Text)
                    .Add(ShapesFileProperty, file)
                    .Add(WorkflowTypeProperty, record.WorkflowType)
                    .Add(ReplacesProperty, record.Replaces?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                SagaDiagnostics.Find(diagnostic.Id),
                trees.Locate(diagnostic.Location),
                properties,
                diagnostic.MessageArgs.Cast<object>().ToArray()));
        }
    }

    private void ReportUnreadable(AdditionalFileAnalysisContext context)
    {
        foreach (var error in shipped.Value.Errors.Where(error => error.Location?.FilePath == context.AdditionalFile.Path))
        {
            context.ReportDiagnostic(error.ToDiagnostic(SagaDiagnostics.Find));
        }
    }
}
