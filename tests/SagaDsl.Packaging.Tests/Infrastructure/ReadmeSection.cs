using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SagaDsl.Tests.Shared;

namespace SagaDsl.Packaging.Tests.Infrastructure;

/// <summary>
/// One section of the README, up to the next heading of any level, read as a recipe: its shell
/// commands in order, and the files it shows (a code block right after a line naming the file, such
/// as <c>`Program.cs`:</c>).
/// </summary>
internal sealed partial class ReadmeSection
{
    private ReadmeSection(IReadOnlyList<ReadmeStep> steps) => Steps = steps;

    public IReadOnlyList<ReadmeStep> Steps { get; }

    public IEnumerable<string> Commands => Steps.OfType<ReadmeStep.Command>().Select(step => step.Line);

    public string File(string name) =>
        Steps.OfType<ReadmeStep.File>().SingleOrDefault(file => file.Name == name)?.Text
        ?? throw new InvalidOperationException($"The README section shows no {name}.");

    public static ReadmeSection Read(string heading)
    {
        var lines = System.IO.File.ReadAllText(Repository.PathOf("README.md")).ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, line => line.TrimEnd() == heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"The README has no section {heading}.");
        }

        var steps = new List<ReadmeStep>();
        string? fileName = null;
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            if (FileLabel().Match(lines[i]) is { Success: true } label)
            {
                fileName = label.Groups["name"].Value;
                continue;
            }

            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = lines[i][3..].Trim();
            var block = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                block.Add(lines[i]);
            }

            if (language == "bash")
            {
                steps.AddRange(block.Where(line => line.Trim().Length > 0).Select(line => new ReadmeStep.Command(line.Trim())));
            }
            else if (fileName is not null)
            {
                steps.Add(new ReadmeStep.File(fileName, string.Join('\n', block) + "\n"));
            }

            fileName = null;
        }

        return new ReadmeSection(steps);
    }

    [GeneratedRegex("^`(?<name>[A-Za-z0-9_.]+\\.cs)`.*:\\s*$")]
    private static partial Regex FileLabel();
}

/// <summary>A command to type, or a file to create.</summary>
internal abstract record ReadmeStep
{
    public sealed record Command(string Line) : ReadmeStep;

    public sealed record File(string Name, string Text) : ReadmeStep;
}
