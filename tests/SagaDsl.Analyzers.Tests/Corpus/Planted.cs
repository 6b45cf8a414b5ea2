namespace Corpus;

using System;

/// <summary>Used only by the planting test: a clock read two calls below the workflow.</summary>
public static class PlantedHelpers
{
    public static DateTime Stamp() => Read();

    private static DateTime Read() => DateTime.UtcNow;
}
