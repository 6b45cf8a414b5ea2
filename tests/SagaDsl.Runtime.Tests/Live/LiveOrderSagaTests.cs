using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.Scenarios;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Exceptions;
using Xunit;
using Xunit.Abstractions;

namespace SagaDsl.Runtime.Tests.Live;

/// <summary>
/// The OrderSaga's scenarios against a real Temporal server, with the sample's services and fault
/// injection: each run's history must match its scenario, and the services must end in the state
/// the scenario implies. Skipped, with the reason, where no server is configured. One class, so
/// its tests never run at once: the saga's task queues are fixed. <c>--filter Category=Live</c> runs them alone.
/// </summary>
[Trait("Category", "Live")]
public class LiveOrderSagaTests(LiveTemporal live, ITestOutputHelper output) : IClassFixture<LiveTemporal>
{
    private const int Stock = 10;
    private const int Ordered = 2;
    private const decimal Amount = 250m;

    private static readonly SagaScenario Order = SagaScenario.For(OrderSagaWorkflow.Definition).WithInput(NewOrder());

    /// <summary>What the shop holds after each scenario: money kept, refunds, books left, open reservations, messages.</summary>
    private static readonly Dictionary<string, ShopState> EndStates = new()
    {
        ["every step completes"] = new(Amount, 0, Stock - Ordered, 0, 1),
        ["ReserveInventory fails"] = new(0m, 0, Stock, 0, 0),
        ["ProcessPayment fails"] = new(0m, 0, Stock, 0, 0),
        ["UpdateInventory fails"] = new(0m, 1, Stock, 0, 0),
        ["NotifyCustomer fails"] = new(Amount, 0, Stock - Ordered, 0, 0),

        // A refused compensation waits for an operator, and the older one waits with it: the refused
        // refund holds the reservation back too.
        ["UpdateInventory fails, ReleaseInventory fails"] = new(0m, 1, Stock - Ordered, 1, 0),
        ["UpdateInventory fails, RefundPayment fails"] = new(Amount, 0, Stock - Ordered, 1, 0),
    };

    /// <summary>What the shop holds once an operator fixed a refused compensation and retried it: everything undone.</summary>
    private static readonly ShopState Undone = new(0m, 1, Stock, 0, 0);

    [SkippableFact]
    public async Task Every_failure_point_runs_on_the_server_matches_its_scenario_and_leaves_the_shop_consistent()
    {
        var client = Server();
        var scenarios = new[] { Order }.Concat(Order.FailurePoints()).Concat(Order.CompensationFailurePoints()).ToList();

        foreach (var scenario in scenarios)
        {
            var shop = new LiveShop();
            var faults = new FaultPlan(scenario.FailingSteps.Concat(scenario.FailingCompensations));
            SagaScenarioResult verdict;
            await using (shop.StartWorkers(client, faults))
            {
                var order = NewOrder();
                var handle = await client.StartOrderSagaAsync(order, order.OrderId);
                await EndOrParkAsync(client, handle);
                verdict = await scenario.VerifyHistoryAsync(await handle.FetchHistoryAsync());
                output.WriteLine(verdict.Report);
                Assert.True(verdict.Verified, verdict.Report);
                Assert.Equal(EndStates[scenario.Name], ShopState.Of(shop));
                if (verdict.Outcome == SagaOutcome.WaitingForOperator)
                {
                    // The operator repairs the service and retries: the undo runs with its key, then the older ones.
                    foreach (var parked in verdict.WaitingForOperator)
                    {
                        faults.Fix(parked.Activity.Split('.').Last());
                        await client.RetryOrderSagaStepAsync(order.OrderId, parked.Step);
                    }

                    await EndOrParkAsync(client, handle);
                    Assert.Equal(SagaPhase.Compensated, (await client.GetOrderSagaStatusAsync(order.OrderId)).Phase);
                    Assert.Equal(Undone, ShopState.Of(shop));
                }
            }

            Assert.True(shop.Payments.Refunds <= 1, "a payment is refunded at most once");
        }
    }

    [SkippableFact]
    public async Task A_charge_retried_after_crashes_and_a_worker_restart_charges_once_and_the_order_completes()
    {
        var client = Server();
        var shop = new LiveShop();
        var order = NewOrder();

        // The first worker charges the card and then dies before reporting back, on every attempt:
        // only the replacement worker can finish the payment, and it must find the charge made.
        var crashing = new FaultPlan(Array.Empty<string>(), new[] { nameof(global::OrderSaga.OrderSaga.ProcessPayment) }, crashingAttempts: int.MaxValue);
        WorkflowHandle<OrderSagaWorkflow, OrderSagaResult> handle;
        await using (shop.StartWorkers(client, crashing))
        {
            handle = await client.StartOrderSagaAsync(order, order.OrderId);
            await WaitUntilAsync(() => shop.Payments.Charges == 1, TimeSpan.FromSeconds(30));
        }

        await using (shop.StartWorkers(client, FaultPlan.None))
        {
            var result = await handle.GetResultAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Empty(result.NonCriticalFailures);
        }

        var history = await handle.FetchHistoryAsync();
        var payment = history.Events.Single(e => e.EventType == EventType.ActivityTaskScheduled && e.ActivityTaskScheduledEventAttributes.ActivityType.Name == "OrderSaga.ProcessPayment");
        var paid = history.Events.Single(e => e.EventType == EventType.ActivityTaskStarted && e.ActivityTaskStartedEventAttributes.ScheduledEventId == payment.EventId);
        Assert.True(paid.ActivityTaskStartedEventAttributes.Attempt >= 2, "the payment succeeded on a retry");
        Assert.True((await Order.VerifyHistoryAsync(history)).Verified);
        Assert.Equal(1, shop.Payments.Charges);
        Assert.Equal(new ShopState(Amount, 0, Stock - Ordered, 0, 1), ShopState.Of(shop));
    }

    private static OrderDetails NewOrder() =>
        new("live-" + Guid.NewGuid().ToString("N"), "customer-1", new[] { new OrderLine("book", Ordered) }, Amount);

    /// <summary>Waits until the saga ends, or parks something and waits for an operator.</summary>
    private static async Task EndOrParkAsync(ITemporalClient client, WorkflowHandle<OrderSagaWorkflow, OrderSagaResult> handle)
    {
        var result = handle.GetResultAsync();
        var limit = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!result.IsCompleted && (await client.GetOrderSagaStatusAsync(handle.Id)).Phase != SagaPhase.WaitingForOperator)
        {
            Assert.True(DateTime.UtcNow < limit, "timed out waiting for the saga");
            await Task.WhenAny(result, Task.Delay(200));
        }

        try
        {
            if (result.IsCompleted)
            {
                await result;
            }
        }
        catch (WorkflowFailedException failed) when (failed.InnerException is ApplicationFailureException)
        {
            // The failure is the scenario's to judge, from the history.
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the saga");
            await Task.Delay(50);
        }
    }

    private ITemporalClient Server()
    {
        Skip.If(live.Client is null, live.SkipReason);
        return live.Client!;
    }

    private sealed record ShopState(decimal Kept, int Refunds, int BooksLeft, int OpenReservations, int Messages)
    {
        public static ShopState Of(LiveShop shop) =>
            new(shop.Payments.Balance, shop.Payments.Refunds, shop.Inventory.Available("book"), shop.Inventory.OpenReservations, shop.Notifier.Sent.Count);
    }
}
