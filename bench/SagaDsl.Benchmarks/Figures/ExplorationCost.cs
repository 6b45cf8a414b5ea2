using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// The OrderSaga's whole behaviour space explored (issue 14: at most one cancel and two faults per
/// path, in 60 s and 1 GB on this 2-core machine), measured as a user runs it: the sample's
/// <c>--explore</c> in its own process, whose wall time and peak memory are the figures.
/// </summary>
internal static partial class ExplorationCost
{
    private const double SecondsLimit = 60;
    private const double GigaByte = 1024.0 * 1024 * 1024;

    public static async Task<List<Figure>> MeasureAsync()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "OrderSaga.dll");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false, ArgumentList = { sample, "--explore" } };

        var clock = Stopwatch.StartNew();
        using var explorer = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + sample);
        var output = explorer.StandardOutput.ReadToEndAsync();
        // The process's own high-water mark (VmHWM on Linux), read until it exits: polling cannot miss its peak.
        long peak = 0;
        while (!explorer.HasExited)
        {
            try
            {
                explorer.Refresh();
                peak = Math.Max(peak, explorer.PeakWorkingSet64);
            }
            catch (InvalidOperationException) when (explorer.HasExited)
            {
                break;
            }

            await Task.Delay(20);
        }

        await explorer.WaitForExitAsync();
        clock.Stop();
        var summary = await output;
        if (explorer.ExitCode != 0 || Summary().Match(summary) is not { Success: true } found)
        {
            throw new InvalidOperationException($"The exploration did not pass (exit {explorer.ExitCode}):\n{summary}");
        }

        var paths = found.Groups["paths"].Value;
        var seconds = clock.Elapsed.TotalSeconds;
        return new List<Figure>
        {
            Figure.AtMost("OrderSaga explored (1 cancel, 2 faults per path, the sample's services), process wall time", $"{seconds:0.0} s", $"{SecondsLimit:0} s limit", seconds / SecondsLimit, 1.00),
            Figure.AtMost("  peak memory of that process", $"{peak / 1024.0 / 1024:0} MB", "1 GB limit", peak / GigaByte, 1.00),
            Figure.Info("  paths explored per second (exploration alone)", $"{found.Groups["rate"].Value} paths/s", $"{paths} paths, {found.Groups["replays"].Value} prefixes replayed"),
        };
    }

    [GeneratedRegex(@"(?<paths>\d+) paths explored .*?(?<replays>\d+) prefixes replayed in [\d.]+ s \((?<rate>\d+) paths/s\)")]
    private static partial Regex Summary();
}
