using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// Compares received files with the approved ones, in Verify's naming: <c>{name}{suffix}.verified{ext}</c>
/// beside the test. A difference writes <c>.received{ext}</c> and fails with a unified diff; an approved
/// file nothing produces any more fails as an orphan. With the accept variable set, the received files
/// become the approved ones and orphans are deleted.
/// </summary>
internal static class SnapshotApproval
{
    public const string AcceptVariable = "SAGADSL_ACCEPT_SNAPSHOTS";

    public static bool Accepting =>
        Environment.GetEnvironmentVariable(AcceptVariable) is { } value
        && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    public static void Approve(string directory, string name, IReadOnlyList<SnapshotFile> files)
    {
        var failures = new List<string>();
        foreach (var file in files)
        {
            if (Compare(directory, name + file.Suffix, file) is { } failure)
            {
                failures.Add(failure);
            }
        }

        failures.AddRange(Orphans(directory, name, files));
        if (failures.Count > 0)
        {
            throw new SnapshotMismatchException(Report(failures));
        }
    }

    private static string? Compare(string directory, string fileName, SnapshotFile file)
    {
        var verifiedPath = Path.Combine(directory, fileName + ".verified" + file.Extension);
        var receivedPath = Path.Combine(directory, fileName + ".received" + file.Extension);
        var verified = File.Exists(verifiedPath) ? SnapshotText.Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == file.Text)
        {
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(directory);
        if (Accepting)
        {
            Write(verifiedPath, file.Text);
            File.Delete(receivedPath);
            return null;
        }

        Write(receivedPath, file.Text);
        return verified is null
            ? $"{Path.GetFileName(verifiedPath)} does not exist yet. Review {receivedPath} and rename it to .verified{file.Extension}."
            : $"{Path.GetFileName(verifiedPath)} differs from what was received ({receivedPath}):\n"
                + UnifiedDiff.Between(verified, file.Text, Path.GetFileName(verifiedPath), Path.GetFileName(receivedPath));
    }

    private static IEnumerable<string> Orphans(string directory, string name, IReadOnlyList<SnapshotFile> files)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var produced = new HashSet<string>(
            files.Select(file => name + file.Suffix + ".verified" + file.Extension),
            StringComparer.Ordinal);
        var approved = Directory.GetFiles(directory, name + "#*.verified.*")
            .Concat(Directory.GetFiles(directory, name + ".verified.*"))
            .OrderBy(path => path, StringComparer.Ordinal);
        foreach (var path in approved.Where(path => !produced.Contains(Path.GetFileName(path))))
        {
            if (Accepting)
            {
                File.Delete(path);
                continue;
            }

            yield return $"{Path.GetFileName(path)} is approved but nothing produces it any more (a saga was removed or renamed?). Delete it if that is intended.";
        }
    }

    private static string Report(List<string> failures) =>
        new StringBuilder()
            .AppendLine(failures.Count == 1 ? "A snapshot does not match." : $"{failures.Count} snapshots do not match.")
            .AppendLine()
            .AppendLine(string.Join("\n\n", failures))
            .AppendLine()
            .Append("If the change is intended, run the tests again with ").Append(AcceptVariable)
            .Append("=1 to approve what was received, or rename the .received files to .verified.")
            .ToString();

    // The same bytes on every OS: UTF-8 without a byte-order mark, LF line endings.
    private static void Write(string path, string text) => File.WriteAllText(path, text, new UTF8Encoding(false));
}
