using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Testing.Scenarios;

namespace OrderSaga;

/// <summary>
/// The sample's offline mode: every failure point of the OrderSaga, replayed through the Temporal
/// SDK's replayer against the history a correct saga produces. Needs no server and no internet.
/// </summary>
internal static class OfflineVerification
{
    /// <summary>The order both offline modes work with.</summary>
    public static OrderDetails Order { get; } = new("order-1", "customer-42", new[] { new OrderLine("book", 2), new OrderLine("pen", 5) }, 250m);

    /// <summary>The base scenario: the order, and what the steps that return something return.</summary>
    public static SagaScenario Scenario { get; } = SagaScenario.For(OrderSagaWorkflow.Definition)
        .WithInput(Order)
        .Step(nameof(OrderSaga.ReserveInventory)).Returns(new Reservation("R-" + Order.OrderId, Order.OrderId, Order.Lines))
        .Step(nameof(OrderSaga.ProcessPayment)).Returns(new PaymentReceipt("P-" + Order.OrderId, Order.OrderId, Order.Amount));

    public static async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var results = await Scenario.EveryScenario().RunAllAsync();
        clock.Stop();

        Console.WriteLine($"OrderSaga: {results.Count} scenarios replayed through the Temporal SDK's WorkflowReplayer, no server needed.");
        Console.WriteLine();
        Print(results);
        Console.WriteLine();

        var failed = results.Where(result => !result.Verified).ToList();
        foreach (var result in failed)
        {
            Console.WriteLine(result.Report);
        }

        var seconds = clock.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Console.WriteLine(failed.Count == 0
            ? $"All {results.Count} scenarios verified in {seconds} s."
            : $"{failed.Count} of {results.Count} scenarios NOT verified ({seconds} s).");
        return failed.Count == 0 ? 0 : 1;
    }

    private static void Print(IReadOnlyList<SagaScenarioResult> results)
    {
        var rows = results.Select((result, index) => new[]
        {
            (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            result.Name,
            string.Join(" > ", result.Calls.Select(call => call.Method)),
            result.Outcome.ToString(),
            result.Verified ? "yes" : "NO",
        }).ToList();
        var header = new[] { "#", "scenario", "calls in order", "outcome", "verified" };
        var widths = header.Select((title, column) => rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();

        Console.WriteLine(Line(header, widths));
        Console.WriteLine(Line(widths.Select(width => new string('-', width)).ToArray(), widths));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd();
}
