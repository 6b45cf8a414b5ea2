using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SagaDsl.Testing.Scenarios;

/// <summary>Writes a scenario's expected and actual calls side by side, with a mark on each line that differs.</summary>
internal static class ScenarioReport
{
    private const string Nothing = "-";

    public static string Write(SagaScenarioResult result, ExpectedRun expected)
    {
        var left = expected.Calls.Select(call => $"{call.Label} [{call.TaskQueue}]").ToList();
        var right = result.Calls.Select(call => $"{call.Label} [{call.TaskQueue}]").ToList();
        left.Add("ends " + expected.Outcome);
        right.Add("ends " + result.Outcome);
        var width = Math.Max("expected".Length, left.Max(line => line.Length)) + 3;

        var report = new StringBuilder()
            .Append("Scenario \"").Append(result.Name).Append("\": ").AppendLine(result.Verified ? "verified" : "NOT verified")
            .Append("       ").Append("expected".PadRight(width)).AppendLine("actual");
        var callRows = Math.Max(expected.Calls.Count, result.Calls.Count);
        for (var row = 0; row < callRows; row++)
        {
            var want = row < expected.Calls.Count ? left[row] : Nothing;
            var got = row < result.Calls.Count ? right[row] : Nothing;
            AppendRow(report, (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), want, got, width);
        }

        AppendRow(report, string.Empty, left[left.Count - 1], right[right.Count - 1], width);
        if (result.Mismatches.Count > 0)
        {
            report.AppendLine("Mismatches:");
            foreach (var mismatch in result.Mismatches)
            {
                report.Append("  - ").AppendLine(mismatch);
            }
        }

        return report.ToString();
    }

    private static void AppendRow(StringBuilder report, string number, string want, string got, int width) =>
        report.Append(want == got ? "  " : "! ")
            .Append(number.PadLeft(3))
            .Append("  ")
            .Append(want.PadRight(width))
            .AppendLine(got);
}
