using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using global::OrderSaga;
using Temporalio.Client;
using Temporalio.Exceptions;
using Temporalio.Worker;
using Xunit;

namespace SagaDsl.Runtime.Tests;

/// <summary>
/// The OrderSaga against a real Temporal server at TEMPORAL_ADDRESS, checking the end state of the
/// sample's services. Skipped, with the reason, where no server is configured.
/// </summary>
public class LiveServerTests
{
    private const string Skipped = "TEMPORAL_ADDRESS is not set: live-server tests need a running Temporal server";

    [SkippableFact]
    public async Task Order_completes_and_charges_once()
    {
        var run = await RunAsync(250m, FaultPlan.None);

        Assert.Null(run.Failure);
        Assert.Equal(1, run.Payments.Charges);
        Assert.Equal(250m, run.Payments.Balance);
        Assert.Equal(0, run.Inventory.OpenReservations);
        Assert.Single(run.Notifier.Sent);
    }

    [SkippableFact]
    public async Task Declined_payment_releases_the_reservation()
    {
        var run = await RunAsync(5000m, FaultPlan.None);

        Assert.Equal(SagaFailureTypes.Compensated, run.Failure?.ErrorType);
        Assert.Equal(0, run.Payments.Charges);
        Assert.Equal(10, run.Inventory.Available("book"));
    }

    [SkippableFact]
    public async Task Failed_inventory_update_refunds_exactly_once_and_releases()
    {
        var run = await RunAsync(250m, new FaultPlan(new[] { nameof(global::OrderSaga.OrderSaga.UpdateInventory) }));

        Assert.Equal(SagaFailureTypes.Compensated, run.Failure?.ErrorType);
        Assert.Equal(1, run.Payments.Charges);
        Assert.Equal(0m, run.Payments.Balance);
        Assert.Equal(10, run.Inventory.Available("book"));
    }

    private static async Task<LiveRun> RunAsync(decimal amount, FaultPlan faults)
    {
        var address = Environment.GetEnvironmentVariable("TEMPORAL_ADDRESS");
        Skip.If(string.IsNullOrEmpty(address), Skipped);

        var client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(address!)
        {
            Namespace = Environment.GetEnvironmentVariable("TEMPORAL_NAMESPACE") ?? "default",
        });
        await SearchAttributeRegistration.EnsureAsync(client, OrderSagaWorkflow.SearchAttributes.All);
        var run = new LiveRun(new InventoryService(new Dictionary<string, int> { ["book"] = 10 }), new PaymentGateway(), new CustomerNotifier());
        var saga = new global::OrderSaga.OrderSaga(run.Inventory, run.Payments, run.Notifier, faults);
        var order = new OrderDetails("live-" + Guid.NewGuid().ToString("N"), "customer-1", new[] { new OrderLine("book", 2) }, amount);

        // The generated task queues are fixed; xunit runs the tests of one class one at a time, so
        // each test's workers are the only ones serving its saga.
        using var stop = new CancellationTokenSource();
        var running = OrderSagaWorker.CreateOptions(saga)
            .Select(worker => new TemporalWorker(client, worker))
            .ToList();
        var executions = running.Select(worker => worker.ExecuteAsync(stop.Token)).ToList();
        try
        {
            await client.ExecuteOrderSagaAsync(order, order.OrderId);
        }
        catch (WorkflowFailedException failed) when (failed.InnerException is ApplicationFailureException failure)
        {
            run = run with { Failure = failure };
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(executions.Select(execution => execution.ContinueWith(_ => { }, TaskScheduler.Default)));
            running.ForEach(worker => worker.Dispose());
        }

        return run;
    }

    private sealed record LiveRun(InventoryService Inventory, PaymentGateway Payments, CustomerNotifier Notifier, ApplicationFailureException? Failure = null);
}
