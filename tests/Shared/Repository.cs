using System;
using System.IO;

namespace SagaDsl.Tests.Shared;

/// <summary>
/// Finds files of the repository from the test assembly's folder. Compiler paths cannot be used:
/// CI builds map them to <c>/_/</c> for reproducible output.
/// </summary>
internal static class Repository
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SagaDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SagaDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
