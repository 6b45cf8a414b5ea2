using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// The assemblies the test process runs with, as references of the in-memory build. A test project
/// references the saga's project, so these are the saga project's references plus the test framework's.
/// SagaDsl's own compiler components and Roslyn are left out: no saga compiles against them.
/// </summary>
internal static class TestProcessReferences
{
    private static readonly Lazy<IReadOnlyList<PortableExecutableReference>> All = new(Load);

    public static IReadOnlyList<PortableExecutableReference> Except(IReadOnlyCollection<string> simpleNames) =>
        simpleNames.Count == 0
            ? All.Value
            : All.Value.Where(reference => !simpleNames.Contains(Path.GetFileNameWithoutExtension(reference.FilePath), StringComparer.OrdinalIgnoreCase)).ToList();

    private static List<PortableExecutableReference> Load() =>
        AssemblyPaths()
            .Where(path => !IsCompilerComponent(Path.GetFileName(path)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToList();

    // .NET lists every assembly of the app in TRUSTED_PLATFORM_ASSEMBLIES; .NET Framework has no such
    // list, and the assemblies loaded so far are the nearest thing.
    private static IEnumerable<string> AssemblyPaths() =>
        AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string platform
            ? platform.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
            : AppDomain.CurrentDomain.GetAssemblies()
                .Where(assembly => !assembly.IsDynamic && assembly.Location.Length > 0)
                .Select(assembly => assembly.Location);

    private static bool IsCompilerComponent(string fileName) =>
        fileName.StartsWith("SagaDsl.Generator", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("SagaDsl.Analyzers", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("SagaDsl.CodeFixes", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase);
}
