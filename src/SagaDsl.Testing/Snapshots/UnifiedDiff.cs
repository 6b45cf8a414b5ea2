using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// The difference between two texts as <c>diff -u</c> prints it: hunks with three lines of context,
/// <c>-</c> for what the approved file has and <c>+</c> for what was received.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    // Beyond this many changed lines a failure message stops being readable; the files are on disk.
    private const int MaximumLines = 400;

    // The longest-common-subsequence table is (changed old lines) x (changed new lines); past this
    // size the middle is shown as removed and added, which is still a correct diff.
    private const long MaximumTableCells = 4_000_000;

    public static string Between(string verified, string received, string verifiedName, string receivedName)
    {
        var before = SnapshotText.Lines(verified);
        var after = SnapshotText.Lines(received);
        var edits = Edits(before, after);
        var text = new StringBuilder()
            .Append("--- ").AppendLine(verifiedName)
            .Append("+++ ").AppendLine(receivedName);
        var written = 0;
        foreach (var hunk in Hunks(edits))
        {
            if (written >= MaximumLines)
            {
                text.AppendLine("@@ ... the rest of the differences are left out; compare the two files @@");
                break;
            }

            text.AppendLine(Header(hunk));
            foreach (var edit in hunk)
            {
                text.Append(edit.Kind).AppendLine(edit.Text);
                written++;
            }
        }

        return text.ToString();
    }

    private static List<Edit> Edits(string[] before, string[] after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix
            && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<Edit>();
        for (var i = 0; i < prefix; i++)
        {
            edits.Add(new Edit(' ', before[i], i, i));
        }

        edits.AddRange(Middle(before, after, prefix, before.Length - suffix, after.Length - suffix));
        for (var i = suffix; i > 0; i--)
        {
            edits.Add(new Edit(' ', before[before.Length - i], before.Length - i, after.Length - i));
        }

        return edits;
    }

    private static IEnumerable<Edit> Middle(string[] before, string[] after, int start, int beforeEnd, int afterEnd)
    {
        var rows = beforeEnd - start;
        var columns = afterEnd - start;
        if ((long)rows * columns > MaximumTableCells)
        {
            for (var i = start; i < beforeEnd; i++)
            {
                yield return new Edit('-', before[i], i, -1);
            }

            for (var j = start; j < afterEnd; j++)
            {
                yield return new Edit('+', after[j], -1, j);
            }

            yield break;
        }

        // common[i, j]: length of the longest common subsequence of before[start + i ..] and after[start + j ..].
        var common = new int[rows + 1, columns + 1];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = columns - 1; j >= 0; j--)
            {
                common[i, j] = before[start + i] == after[start + j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int row = 0, column = 0;
        while (row < rows || column < columns)
        {
            if (row < rows && column < columns && before[start + row] == after[start + column])
            {
                yield return new Edit(' ', before[start + row], start + row, start + column);
                row++;
                column++;
            }
            else if (row < rows && (column == columns || common[row + 1, column] >= common[row, column + 1]))
            {
                // Removals before additions, as diff -u prints a changed line.
                yield return new Edit('-', before[start + row], start + row, -1);
                row++;
            }
            else
            {
                yield return new Edit('+', after[start + column], -1, start + column);
                column++;
            }
        }
    }

    /// <summary>Groups the changes with their context; changes closer than twice the context share a hunk.</summary>
    private static IEnumerable<List<Edit>> Hunks(List<Edit> edits)
    {
        var changed = Enumerable.Range(0, edits.Count).Where(index => edits[index].Kind != ' ').ToList();
        var position = 0;
        while (position < changed.Count)
        {
            var first = changed[position];
            var last = first;
            while (position + 1 < changed.Count && changed[position + 1] - last <= 2 * Context)
            {
                last = changed[++position];
            }

            position++;
            var from = Math.Max(0, first - Context);
            var to = Math.Min(edits.Count - 1, last + Context);
            yield return edits.GetRange(from, to - from + 1);
        }
    }

    private static string Header(List<Edit> hunk)
    {
        var old = hunk.Where(edit => edit.Kind != '+').ToList();
        var @new = hunk.Where(edit => edit.Kind != '-').ToList();
        return string.Format(
            CultureInfo.InvariantCulture,
            "@@ -{0},{1} +{2},{3} @@",
            old.Count == 0 ? 0 : old[0].OldLine + 1,
            old.Count,
            @new.Count == 0 ? 0 : @new[0].NewLine + 1,
            @new.Count);
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);
}
