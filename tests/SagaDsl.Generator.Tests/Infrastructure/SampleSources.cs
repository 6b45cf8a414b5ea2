using System;
using System.IO;
using System.Linq;

namespace SagaDsl.Generator.Tests.Infrastructure;

/// <summary>The OrderSaga sample's saga and services, as copied beside the test assembly.</summary>
internal static class SampleSources
{
    public static string[] OrderSaga() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "SampleSources"), "*.cs", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
}
