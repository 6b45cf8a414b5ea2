using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// The C# files a project compiles, found as the SDK's default globs find them: every <c>.cs</c> under
/// the project folder except <c>bin</c>, <c>obj</c>, hidden folders and approved or received snapshots.
/// The global usings the SDK writes into <c>obj</c> for <c>ImplicitUsings</c> are included, since the
/// project's code depends on them, and so are the analyzer config files its build passes.
/// </summary>
internal static class ProjectSources
{
    public static SagaSources In(string projectDirectory) =>
        new(Files(projectDirectory), projectDirectory, AnalyzerConfigs.For(projectDirectory), ShippedShapes(projectDirectory));

    public static SagaSources Of(IEnumerable<string> fullPaths) =>
        new(FilesOf(fullPaths), null, new List<SourceFile>());

    private static List<SourceFile> Files(string projectDirectory)
    {
        if (!Directory.Exists(projectDirectory))
        {
            throw new DirectoryNotFoundException($"The saga project folder '{projectDirectory}' does not exist.");
        }

        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsExcluded(Relative(projectDirectory, path)))
            .ToList();
        if (GlobalUsings(projectDirectory) is { } globalUsings)
        {
            files.Add(globalUsings);
        }

        return files
            .Select(path => new SourceFile(Relative(projectDirectory, path), File.ReadAllText(path)))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static List<SourceFile> FilesOf(IEnumerable<string> fullPaths) =>
        fullPaths.Select(path => File.Exists(path)
                ? new SourceFile(Path.GetFileName(path), File.ReadAllText(path))
                : throw new FileNotFoundException($"The saga source '{path}' does not exist.", path))
            .ToList();

    /// <summary><c>Path.GetRelativePath</c>, which .NET Standard 2.0 lacks; always with forward slashes.</summary>
    public static string Relative(string directory, string path)
    {
        var root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        var relative = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static bool IsExcluded(string relativePath)
    {
        var segments = relativePath.Split('/');
        var folders = segments.Take(segments.Length - 1);
        var name = segments[segments.Length - 1];
        return folders.Any(folder => folder is "bin" or "obj" || folder[0] == '.')
            || name.EndsWith(".verified.cs", StringComparison.Ordinal)
            || name.EndsWith(".received.cs", StringComparison.Ordinal);
    }

    // Where the package's targets find it: beside the project file.
    private static List<SourceFile> ShippedShapes(string projectDirectory)
    {
        var path = Path.Combine(projectDirectory, ShippedShapesFile);
        return File.Exists(path) ? new List<SourceFile> { new(ShippedShapesFile, File.ReadAllText(path)) } : new List<SourceFile>();
    }

    private const string ShippedShapesFile = "SagaShapes.Shipped.txt";

    private static string? GlobalUsings(string projectDirectory) =>
        AnalyzerConfigs.Newest(Path.Combine(projectDirectory, "obj"), "*.GlobalUsings.g.cs");
}
