using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

using SagaDsl.Tests.Shared;

namespace SagaDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Approves generated code against files committed beside the tests, with Verify's naming so the
/// suite can move to Verify.SourceGenerators: <c>Snapshots/{Type}.{Method}#{HintName}.verified.cs</c>.
/// A mismatch writes <c>.received.cs</c> next to it and fails with a line diff. Setting
/// <c>SAGADSL_ACCEPT_SNAPSHOTS=1</c> accepts what was received instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "SAGADSL_ACCEPT_SNAPSHOTS";

    private static readonly string Directory = Repository.PathOf("tests", "SagaDsl.Generator.Tests", "Snapshots");

    public static void Match(GeneratorRun run, string type, [CallerMemberName] string method = "") =>
        Match(run.Sources, type, method);

    /// <summary>Approves only the generated files whose hint name ends with <paramref name="hintSuffix"/>.</summary>
    public static void MatchFiles(GeneratorRun run, string type, string hintSuffix, [CallerMemberName] string method = "") =>
        Match(run.Sources.Where(source => source.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).ToList(), type, method);

    private static void Match(System.Collections.Generic.IReadOnlyList<(string HintName, string Text)> sources, string type, string method)
    {
        var directory = Directory;
        var failures = new StringBuilder();
        foreach (var (hintName, text) in sources)
        {
            var name = $"{type}.{method}#{Path.GetFileNameWithoutExtension(hintName)}";
            if (Compare(directory, name, text) is { } failure)
            {
                failures.AppendLine(failure);
            }
        }

        var expected = System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, $"{type}.{method}#*.verified.cs").Select(Path.GetFileName).ToList()
            : new();
        var produced = sources.Select(source => $"{type}.{method}#{Path.GetFileNameWithoutExtension(source.HintName)}.verified.cs").ToHashSet();
        foreach (var stale in expected.Where(file => !produced.Contains(file!)))
        {
            failures.Append(stale).AppendLine(" was not generated any more; delete it if that is intended.");
        }

        if (failures.Length > 0)
        {
            throw new XunitException(failures.ToString());
        }
    }

    private static string? Compare(string directory, string name, string received)
    {
        var verifiedPath = Path.Combine(directory, name + ".verified.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        received = Normalize(received);
        if (verified == received)
        {
            File.Delete(receivedPath);
            return null;
        }

        System.IO.Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, received);
        return verified is null
            ? $"{name}: no verified snapshot yet; review {receivedPath} and rename it to .verified.cs (or run with {AcceptVariable}=1)."
            : $"{name}: generated code differs from the verified snapshot (- verified, + received):\n{Diff(verified, received)}";
    }

    private static string Diff(string verified, string received)
    {
        var diff = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false);
        var text = new StringBuilder();
        foreach (var line in diff.Lines.Where(line => line.Type != ChangeType.Unchanged))
        {
            var marker = line.Type == ChangeType.Deleted ? '-' : '+';
            text.Append(marker).Append(' ').Append(line.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?").Append(": ").AppendLine(line.Text);
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
}
