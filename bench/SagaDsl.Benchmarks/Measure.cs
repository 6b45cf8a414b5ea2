using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace SagaDsl.Benchmarks;

/// <summary>Timing and allocation of a piece of work: the median of several runs, after one warm-up.</summary>
internal static class Measure
{
    public static TimeSpan Median(int runs, Action work) =>
        MedianAsync(runs, () => { work(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    public static async Task<TimeSpan> MedianAsync(int runs, Func<Task> work)
    {
        await work();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            await work();
            times.Add(clock.Elapsed);
        }

        return times.OrderBy(time => time).ElementAt(times.Count / 2);
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
