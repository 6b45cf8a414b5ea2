using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// Finds the test's source file from <c>[CallerFilePath]</c>. A deterministic CI build maps that path
/// (<c>/_/tests/...</c>); the project folder SagaDsl.Testing's build file records in the test assembly
/// then finds the file again.
/// </summary>
internal static class TestSourceLocation
{
    public const string ProjectDirectoryKey = "SagaDsl.Testing.ProjectDirectory";

    /// <summary>The full path of <paramref name="path"/>: itself if absolute, else relative to the test's source file.</summary>
    public static string Resolve(string path, string callerFilePath, Assembly testAssembly) =>
        Path.IsPathRooted(path)
            ? Path.GetFullPath(path)
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(File(callerFilePath, testAssembly))!, path));

    public static string File(string callerFilePath, Assembly testAssembly)
    {
        if (System.IO.File.Exists(callerFilePath))
        {
            return callerFilePath;
        }

        var projectDirectory = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == ProjectDirectoryKey)?.Value;
        if (projectDirectory is not null && Unmapped(callerFilePath, projectDirectory) is { } found)
        {
            return found;
        }

        throw new InvalidOperationException(
            $"The test's source file '{callerFilePath}' does not exist on this machine. The build maps source paths "
            + "(ContinuousIntegrationBuild or PathMap); reference SagaDsl.Testing as a package, whose build file records "
            + "the project folder, or give SnapshotOptions.Directory and absolute saga paths.");
    }

    // The longest tail of the mapped path that names a file, under the project folder or a folder above it
    // (the repository root is what /_/ usually stands for).
    private static string? Unmapped(string mappedPath, string projectDirectory)
    {
        var segments = mappedPath.Split('/', '\\').Where(segment => segment.Length > 0).ToArray();
        for (var folder = new DirectoryInfo(projectDirectory); folder is not null; folder = folder.Parent)
        {
            for (var start = 0; start < segments.Length; start++)
            {
                var candidate = Path.Combine(new[] { folder.FullName }.Concat(segments.Skip(start)).ToArray());
                if (System.IO.File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
