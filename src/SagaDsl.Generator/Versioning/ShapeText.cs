using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using SagaDsl.Generator.Diagnostics;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator.Versioning;

/// <summary>
/// Reads and writes the shipped-shapes file: one block per shape, a header naming the shape and its
/// workflow type, then one indented line per step and per other fact. Written to be read in a code review:
/// <code>
/// shape 2 of OrderSaga
///   step ReserveInventory, undone by ReleaseInventory
///   step CheckFraud
///   step UpdateInventory, pivot
///   step NotifyCustomer, non-critical
///   search attributes at start
/// </code>
/// </summary>
internal static class ShapeText
{
    /// <summary>The file's name; any additional file of this name, in any folder, is read.</summary>
    public const string FileName = "SagaShapes.Shipped.txt";

    private const string HeaderStart = "shape ";
    private const string HeaderOf = " of ";
    private const string StepStart = "step ";
    private const string UndoneBy = "undone by ";
    private const string WithResult = "with its result";
    private const string Pivot = "pivot";
    private const string NonCritical = "non-critical";
    private const string UpsertsAtStart = "search attributes at start";
    private const string PhaseStart = "phase search attribute ";
    private const string Deadline = "deadline";
    private const string Parallel = "parallel compensation";

    public static bool IsShapesFile(string path) =>
        string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A shape as its block of lines, ending with a line break.</summary>
    public static string Write(string workflowType, int number, SagaShape shape)
    {
        var text = new StringBuilder()
            .Append(HeaderStart).Append(number.ToString(CultureInfo.InvariantCulture)).Append(HeaderOf).Append(workflowType).Append('\n');
        foreach (var step in shape.Steps)
        {
            text.Append("  ").Append(StepStart).Append(step.Name);
            if (step.IsPivot)
            {
                text.Append(", ").Append(Pivot);
            }

            if (!step.IsCritical)
            {
                text.Append(", ").Append(NonCritical);
            }

            if (step.Compensation is { } compensation)
            {
                text.Append(", ").Append(UndoneBy).Append(compensation);
                if (step.CompensationUsesStepResult)
                {
                    text.Append(", ").Append(WithResult);
                }
            }

            text.Append('\n');
        }

        if (shape.ParallelCompensation)
        {
            text.Append("  ").Append(Parallel).Append('\n');
        }

        if (shape.UpsertsAtStart)
        {
            text.Append("  ").Append(UpsertsAtStart).Append('\n');
        }

        if (shape.PhaseSearchAttribute is { } phase)
        {
            text.Append("  ").Append(PhaseStart).Append(phase).Append('\n');
        }

        if (shape.Deadline)
        {
            text.Append("  ").Append(Deadline).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads one file; a line it does not understand is reported, and the shape it belongs to dropped.</summary>
    public static ShippedShapes Read(string path, SourceText text)
    {
        var shapes = new List<ShippedShape>();
        var errors = new List<DiagnosticInfo>();
        Block? block = null;
        foreach (var line in text.Lines)
        {
            var content = line.ToString();
            var trimmed = content.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var location = new LocationInfo(path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
            string? problem;
            if (!char.IsWhiteSpace(content[0]))
            {
                Finish(block, shapes);
                block = ReadHeader(trimmed, location, out problem);
            }
            else if (block is null)
            {
                problem = "it belongs to no shape; start a shape with 'shape <number> of <workflow type>'";
            }
            else
            {
                problem = block.Read(trimmed);
            }

            if (problem is not null)
            {
                errors.Add(DiagnosticInfo.Create(SagaDiagnostics.ShapesFileUnreadable, location, (line.LineNumber + 1).ToString(CultureInfo.InvariantCulture), FileName, problem));
                if (block is not null)
                {
                    block.Broken = true;
                }
            }
        }

        Finish(block, shapes);
        return new ShippedShapes(true, shapes.ToEquatableArray(), errors.ToEquatableArray());
    }

    /// <summary>Every file's shapes together; a shape recorded twice is reported and neither copy kept.</summary>
    public static ShippedShapes Merge(IReadOnlyList<ShippedShapes> files)
    {
        if (files.Count == 0)
        {
            return ShippedShapes.None;
        }

        var errors = files.SelectMany(static file => file.Errors).ToList();
        var shapes = new List<ShippedShape>();
        foreach (var group in files.SelectMany(static file => file.Shapes).GroupBy(static shape => (shape.WorkflowType, shape.Number)))
        {
            var copies = group.ToList();
            if (copies.Count == 1)
            {
                shapes.Add(copies[0]);
                continue;
            }

            foreach (var copy in copies.Skip(1))
            {
                errors.Add(DiagnosticInfo.Create(SagaDiagnostics.ShapesFileUnreadable, copy.Location, (copy.Location?.LineSpan.Start.Line + 1 ?? 0).ToString(CultureInfo.InvariantCulture), FileName, "shape " + copy.Number.ToString(CultureInfo.InvariantCulture) + " of " + copy.WorkflowType + " is recorded more than once; keep one"));
            }
        }

        return new ShippedShapes(true, shapes.OrderBy(static shape => shape.WorkflowType, StringComparer.Ordinal).ThenBy(static shape => shape.Number).ToEquatableArray(), errors.ToEquatableArray());
    }

    private static Block? ReadHeader(string line, LocationInfo location, out string? problem)
    {
        problem = null;
        var of = line.IndexOf(HeaderOf, StringComparison.Ordinal);
        if (!line.StartsWith(HeaderStart, StringComparison.Ordinal) || of < 0)
        {
            problem = "a shape starts with 'shape <number> of <workflow type>', and its lines are indented";
            return null;
        }

        var number = line.Substring(HeaderStart.Length, of - HeaderStart.Length);
        var workflowType = line.Substring(of + HeaderOf.Length).Trim();
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0 || workflowType.Length == 0)
        {
            problem = "a shape's number is a positive whole number, followed by 'of' and the workflow type";
            return null;
        }

        return new Block(workflowType, value, location);
    }

    private static void Finish(Block? block, List<ShippedShape> shapes)
    {
        if (block is { Broken: false })
        {
            shapes.Add(block.ToShape());
        }
    }

    /// <summary>A shape being read, line by line.</summary>
    private sealed class Block
    {
        private readonly string workflowType;
        private readonly int number;
        private readonly LocationInfo location;
        private readonly List<ShapeStep> steps = new();
        private bool parallel;
        private bool upserts;
        private string? phase;
        private bool deadline;

        public Block(string workflowType, int number, LocationInfo location)
        {
            this.workflowType = workflowType;
            this.number = number;
            this.location = location;
        }

        public bool Broken { get; set; }

        public string? Read(string line)
        {
            if (line.StartsWith(StepStart, StringComparison.Ordinal))
            {
                return ReadStep(line.Substring(StepStart.Length));
            }

            if (line == Parallel)
            {
                parallel = true;
                return null;
            }

            if (line == UpsertsAtStart)
            {
                upserts = true;
                return null;
            }

            if (line.StartsWith(PhaseStart, StringComparison.Ordinal) && line.Length > PhaseStart.Length)
            {
                phase = line.Substring(PhaseStart.Length).Trim();
                return null;
            }

            if (line == Deadline)
            {
                deadline = true;
                return null;
            }

            return "expected 'step <name>', '" + Parallel + "', '" + UpsertsAtStart + "', '" + PhaseStart + "<name>' or '" + Deadline + "'";
        }

        public ShippedShape ToShape() =>
            new(workflowType, number, new SagaShape(steps.ToEquatableArray(), parallel, upserts, phase, deadline), location);

        private string? ReadStep(string text)
        {
            var parts = text.Split(',').Select(static part => part.Trim()).ToArray();
            var name = parts[0];
            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
            {
                return "a step line names one method: 'step <name>', then any of ', pivot', ', non-critical', ', undone by <name>'";
            }

            bool pivot = false, nonCritical = false, withResult = false;
            string? compensation = null;
            foreach (var part in parts.Skip(1))
            {
                if (part == Pivot)
                {
                    pivot = true;
                }
                else if (part == NonCritical)
                {
                    nonCritical = true;
                }
                else if (part.StartsWith(UndoneBy, StringComparison.Ordinal) && part.Length > UndoneBy.Length)
                {
                    compensation = part.Substring(UndoneBy.Length).Trim();
                }
                else if (part == WithResult && compensation is not null)
                {
                    withResult = true;
                }
                else
                {
                    return "'" + part + "' is not a fact of a step: expected 'pivot', 'non-critical', 'undone by <name>' or, after it, '" + WithResult + "'";
                }
            }

            steps.Add(new ShapeStep(name, pivot, !nonCritical, compensation, withResult));
            return null;
        }
    }
}
