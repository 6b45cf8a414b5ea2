using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SagaDsl.Tests.Shared;

namespace SagaDsl.Benchmarks.Synthetic;

/// <summary>
/// The synthetic sagas written by hand: <c>HandWrittenSaga0.cs</c>, which the benchmark proves equal
/// to the generated saga 0, renamed for each index, beside the same records and unrelated file the
/// annotated sagas are built with.
/// </summary>
internal static class HandWrittenSagas
{
    public static string Template => File.ReadAllText(SourcePath("HandWrittenSaga0.cs"));

    public static List<string> Create(int count)
    {
        var template = Template;
        var sources = new List<string> { SyntheticSagas.Records, SyntheticSagas.UnrelatedFile };
        for (var i = 0; i < count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            sources.Add(template.Replace("Saga0", "Saga" + index, System.StringComparison.Ordinal).Replace("\"q0\"", $"\"q{index}\"", System.StringComparison.Ordinal));
        }

        return sources;
    }

    /// <summary>A file of this folder as checked in: the sources the benchmark compiles into itself are the ones it measures.</summary>
    public static string SourcePath(string file) => Repository.PathOf("bench", "SagaDsl.Benchmarks", "Synthetic", file);
}
