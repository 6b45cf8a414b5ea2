using System;
using System.Collections.Generic;

namespace SagaDsl.Generator;

/// <summary>The name a user most likely meant, for "did you mean" messages and the fixes that apply them.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/>, ignoring case: at most a third of its
    /// letters (one at least) changed, added or removed; of two equally close, the first.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = Math.Max(1, typed.Length / 3) + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed, candidate, bestDistance);
            if (distance < bestDistance && candidate != typed)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>The edit distance, case-insensitive; stops counting at <paramref name="limit"/>.</summary>
    private static int Distance(string left, string right, int limit)
    {
        if (Math.Abs(left.Length - right.Length) >= limit)
        {
            return limit;
        }

        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var same = char.ToUpperInvariant(left[i - 1]) == char.ToUpperInvariant(right[j - 1]);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (same ? 0 : 1));
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum >= limit)
            {
                return limit;
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
