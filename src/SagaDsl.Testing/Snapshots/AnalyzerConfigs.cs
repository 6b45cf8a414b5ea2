using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// The analyzer config files a project's build hands the compiler: every <c>.editorconfig</c> from the
/// project folder up to one marked <c>root = true</c>, and the global config the SDK writes into
/// <c>obj</c> with the build properties generators may read.
/// </summary>
internal static class AnalyzerConfigs
{
    public static IReadOnlyList<SourceFile> For(string projectDirectory)
    {
        var configs = new List<SourceFile>();
        for (var folder = new DirectoryInfo(projectDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, ".editorconfig");
            if (File.Exists(path))
            {
                var text = File.ReadAllText(path);
                configs.Add(new SourceFile(path, text));
                if (IsRoot(text))
                {
                    break;
                }
            }
        }

        if (Newest(Path.Combine(projectDirectory, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig") is { } generated)
        {
            configs.Add(new SourceFile(generated, File.ReadAllText(generated)));
        }

        return configs;
    }

    // Every configuration and target framework writes its own copy; the newest is the last build's.
    public static string? Newest(string folder, string pattern) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;

    private static bool IsRoot(string text) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .TakeWhile(line => line.Length == 0 || line[0] != '[')
            .Any(line => line.Replace(" ", string.Empty).Equals("root=true", StringComparison.OrdinalIgnoreCase));
}
