using System.Linq;
using System.Text.RegularExpressions;

namespace SagaDsl.Testing.Snapshots;

/// <summary>
/// What makes a snapshot change only when the code changes: one line ending on every OS, no byte-order
/// mark, and the generator's version taken out of <c>[GeneratedCode]</c> so upgrading SagaDsl does not
/// rewrite every approved file.
/// </summary>
internal static class SnapshotText
{
    public const string VersionPlaceholder = "{SagaDsl version}";

    private static readonly Regex GeneratedCodeVersion = new(
        "(GeneratedCode\\(\"SagaDsl\\.Generator\", \")[^\"]*(\"\\))",
        RegexOptions.CultureInvariant);

    public static string Normalize(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');

    public static string ScrubVersion(string text) =>
        GeneratedCodeVersion.Replace(text, "${1}" + VersionPlaceholder + "${2}");

    public static string[] Lines(string text)
    {
        var lines = text.Split('\n');
        // A final line ending ends the last line; it does not start an empty one.
        return text.Length > 0 && text[text.Length - 1] == '\n' ? lines.Take(lines.Length - 1).ToArray() : lines;
    }
}
