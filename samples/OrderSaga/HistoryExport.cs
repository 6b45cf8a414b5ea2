using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SagaDsl.Testing.Scenarios;

namespace OrderSaga;

/// <summary>
/// <c>--export-histories FOLDER</c>: writes the history of every verified scenario as JSON, the fixtures a
/// later version's replay test must still replay. Run it before a release and commit the folder; the
/// sample's tests replay release 0.1.0's this way (samples/OrderSaga.Tests/Histories).
/// </summary>
internal static class HistoryExport
{
    public static async Task<int> RunAsync(string folder)
    {
        var results = await OfflineVerification.Scenario.EveryScenario().RunAllAsync();
        if (results.FirstOrDefault(result => !result.Verified) is { } unverified)
        {
            Console.Error.WriteLine(unverified.Report);
            return 1;
        }

        Directory.CreateDirectory(folder);
        for (var index = 0; index < results.Count; index++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"{index + 1:00}-{Slug(results[index].Name)}.json");
            await File.WriteAllTextAsync(Path.Combine(folder, name), results[index].History.ToJson() + "\n", new UTF8Encoding(false));
        }

        Console.WriteLine($"{results.Count} histories written to {folder}.");
        return 0;
    }

    private static string Slug(string name) =>
        string.Concat(name.Select(character => char.IsLetterOrDigit(character) ? char.ToLowerInvariant(character) : '-'))
            .Replace("--", "-", StringComparison.Ordinal)
            .Trim('-');
}
