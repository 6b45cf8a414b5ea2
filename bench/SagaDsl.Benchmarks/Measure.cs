using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace SagaDsl.Benchmarks;

/// <summary>Timing and allocation of a piece of work: the median of several runs, after warm-up runs.</summary>
internal static class Measure
{
    /// <summary>
    /// Roslyn from NuGet is IL that the JIT tiers up over the first runs; the compiler ships it
    /// precompiled. Timed runs start once the tiering has settled.
    /// </summary>
    private const int WarmUpRuns = 3;

    /// <summary>
    /// The median time of each piece of work, their runs interleaved (one of each per round) so that
    /// JIT tiering, heap growth and machine noise fall on all of them alike.
    /// </summary>
    public static TimeSpan[] Interleaved(int runs, params Action[] works) =>
        InterleavedAsync(runs, works.Select(work => (Func<Task>)(() => { work(); return Task.CompletedTask; })).ToArray()).GetAwaiter().GetResult();

    /// <inheritdoc cref="Interleaved"/>
    public static async Task<TimeSpan[]> InterleavedAsync(int runs, params Func<Task>[] works)
    {
        var times = works.Select(_ => new List<TimeSpan>()).ToArray();
        for (var round = 0; round < WarmUpRuns + runs; round++)
        {
            for (var i = 0; i < works.Length; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var clock = Stopwatch.StartNew();
                await works[i]();
                if (round >= WarmUpRuns)
                {
                    times[i].Add(clock.Elapsed);
                }
            }
        }

        return times.Select(list => MedianBy(list, time => time)).ToArray();
    }

    /// <summary>The middle item by <paramref name="key"/>: of an even count, the upper of the two.</summary>
    public static T MedianBy<T, TKey>(IEnumerable<T> items, Func<T, TKey> key)
    {
        var sorted = items.OrderBy(key).ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Bytes allocated by <paramref name="work"/> on every thread.</summary>
    public static long Allocated(Action work)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        work();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
