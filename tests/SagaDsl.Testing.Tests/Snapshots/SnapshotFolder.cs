using System;
using System.IO;
using System.Linq;

namespace SagaDsl.Testing.Tests.Snapshots;

/// <summary>A temporary folder for one test's snapshots, so tests never touch the repository's files.</summary>
internal sealed class SnapshotFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sagadsl-snapshots-" + Guid.NewGuid().ToString("N")[..12]);

    public string[] Files() =>
        Directory.Exists(Path)
            ? Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OrderBy(name => name, StringComparer.Ordinal).ToArray()!
            : Array.Empty<string>();

    public string Read(string name) => File.ReadAllText(System.IO.Path.Combine(Path, name));

    public void Write(string name, string text)
    {
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, name), text);
    }

    /// <summary>Approves what a failed run received, as a user renames a .received file after reading it.</summary>
    public void ApproveReceived()
    {
        foreach (var received in Directory.GetFiles(Path, "*.received.*"))
        {
            File.Move(received, received.Replace(".received.", ".verified.", StringComparison.Ordinal), overwrite: true);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
