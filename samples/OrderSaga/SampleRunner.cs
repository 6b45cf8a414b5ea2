using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Testing;
using Temporalio.Worker;

namespace OrderSaga;

/// <summary>
/// Runs one order through the saga against a real Temporal server: the one at TEMPORAL_ADDRESS,
/// or else the SDK's local development server. With <c>--explore</c>, explores every path of the saga
/// offline instead; with <c>--verify</c>, replays every failure point offline, then explores; with
/// <c>--export-histories</c>, writes every scenario's history as a replay fixture.
/// </summary>
internal static class SampleRunner
{
    private const string Usage = "usage: OrderSaga --verify | OrderSaga --explore | OrderSaga --export-histories FOLDER | OrderSaga [--amount N] [--fail Step]... [--crash Step]... (--fail: fails for good; --crash: crashes once after its effect, then retries; steps: ReserveInventory, ProcessPayment, UpdateInventory, NotifyCustomer, ReleaseInventory, RefundPayment)";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--verify"])
        {
            var scenarios = await OfflineVerification.RunAsync();
            Console.WriteLine();
            var status = await OfflineStatus.RunAsync() | await OfflineOperator.RunAsync();
            Console.WriteLine();
            return await OfflineExploration.RunAsync() | scenarios | status;
        }

        if (args is ["--explore"])
        {
            return await OfflineExploration.RunAsync();
        }

        if (args is ["--export-histories", var folder])
        {
            return await HistoryExport.RunAsync(folder);
        }

        if (!TryParse(args, out var amount, out var failing, out var crashing))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var loggers = LoggerFactory.Create(builder => builder.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        await using var server = await ConnectAsync(loggers);
        if (server is null)
        {
            return 1;
        }

        var inventory = new InventoryService(new Dictionary<string, int> { ["book"] = 10, ["pen"] = 100 });
        var payments = new PaymentGateway();
        var notifier = new CustomerNotifier();
        var faults = new FaultPlan(failing, crashing);
        var saga = new OrderSaga(inventory, payments, notifier, faults);
        var order = new OrderDetails("order-" + Guid.NewGuid().ToString("N")[..8], "customer-42", new[] { new OrderLine("book", 2), new OrderLine("pen", 5) }, amount);

        using var stop = new CancellationTokenSource();
        var workers = OrderSagaWorker.CreateOptions(saga)
            .Select(options => new TemporalWorker(server.Client, options))
            .ToList();
        var running = workers.Select(worker => worker.ExecuteAsync(stop.Token)).ToList();
        WorkflowHandle<OrderSagaWorkflow, OrderSagaResult>? handle = null;
        try
        {
            Console.WriteLine($"Order {order.OrderId}: {order.Amount.ToString(CultureInfo.InvariantCulture)}, failing: {(failing.Count == 0 ? "nothing" : string.Join(", ", failing))}, crashing: {(crashing.Count == 0 ? "nothing" : string.Join(", ", crashing))}");
            handle = await server.Client.StartOrderSagaAsync(order, order.OrderId);
            var result = await OperatorDesk.ResultAsync(server.Client, handle, faults);
            Console.WriteLine($"Completed. Non-critical failures: {result.NonCriticalFailures.Count}");
            foreach (var warning in result.NonCriticalFailures)
            {
                Console.WriteLine($"  {warning.Step}: {warning.ErrorType}: {warning.Message}");
            }
        }
        catch (WorkflowFailedException failed) when (failed.InnerException is ApplicationFailureException failure)
        {
            Console.WriteLine($"Failed with {failure.ErrorType}: {failure.Message}");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running.Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
            workers.ForEach(worker => worker.Dispose());
        }

        if (handle is not null)
        {
            // A closed saga still answers its status query: the worker replays it.
            Console.WriteLine("Status query:");
            OfflineStatus.Print(await handle.QueryAsync(workflow => workflow.Status));
        }

        Console.WriteLine($"Open reservations: {inventory.OpenReservations}, books left: {inventory.Available("book")}, charges: {payments.Charges}, charged: {payments.Balance.ToString(CultureInfo.InvariantCulture)}, messages: {notifier.Sent.Count}");
        return 0;
    }

    private static bool TryParse(string[] args, out decimal amount, out List<string> failing, out List<string> crashing)
    {
        amount = 250m;
        failing = new List<string>();
        crashing = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--amount" when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out amount):
                case "--fail" when value is not null && AddTo(failing, value):
                case "--crash" when value is not null && AddTo(crashing, value):
                    i++;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool AddTo(List<string> failing, string step)
    {
        failing.Add(step);
        return true;
    }

    private static async Task<TemporalServer?> ConnectAsync(ILoggerFactory loggers)
    {
        var address = Environment.GetEnvironmentVariable("TEMPORAL_ADDRESS");
        try
        {
            if (!string.IsNullOrEmpty(address))
            {
                var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(address)
                {
                    Namespace = Environment.GetEnvironmentVariable("TEMPORAL_NAMESPACE") ?? "default",
                    LoggerFactory = loggers,
                });
                await SearchAttributeRegistration.EnsureAsync(client, OrderSagaWorkflow.SearchAttributes.All);
                return new TemporalServer(client, null);
            }

            var local = await WorkflowEnvironment.StartLocalAsync(new()
            {
                LoggerFactory = loggers,
                SearchAttributes = OrderSagaWorkflow.SearchAttributes.All.ToList(),
            });
            return new TemporalServer(local.Client, local);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var where = string.IsNullOrEmpty(address)
                ? "TEMPORAL_ADDRESS is not set and the local Temporal dev server could not be started (it is downloaded once, which needs internet)"
                : $"the Temporal server at {address} could not be reached";
            Console.Error.WriteLine($"Cannot run the saga: {where} ({e.GetType().Name}: {e.Message.Split('\n')[0]}).");
            return null;
        }
    }

    /// <summary>A connected client, and the local server to stop afterwards when one was started.</summary>
    private sealed record TemporalServer(ITemporalClient Client, WorkflowEnvironment? Local) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Local?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
