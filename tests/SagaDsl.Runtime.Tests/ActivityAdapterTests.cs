using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Runtime.Tests.Sagas;
using Temporalio.Converters;
using Temporalio.Testing;
using Xunit;

namespace SagaDsl.Runtime.Tests;

/// <summary>The generated activities, run in the SDK's activity environment as a worker runs them.</summary>
public class ActivityAdapterTests
{
    private static readonly OrderDetails Order = new("order-7", "customer-7", new[] { new OrderLine("book", 1) }, 99m);

    [Fact]
    public async Task A_retried_payment_reuses_its_key_and_charges_once()
    {
        var gateway = new PaymentGateway();
        var activities = new global::OrderSaga.OrderSaga.Activities(NewSaga(gateway));
        const string key = "order-7/run-1/OrderSaga.ProcessPayment";

        var first = await Attempt(1).RunAsync(() => activities.ProcessPayment(Order, key));
        var retry = await Attempt(2).RunAsync(() => activities.ProcessPayment(Order, key));

        Assert.Equal(first, retry);
        Assert.Equal(1, gateway.Charges);
        Assert.Equal(99m, gateway.Balance);
    }

    [Fact]
    public async Task A_new_saga_execution_with_a_new_key_charges_again()
    {
        var gateway = new PaymentGateway();
        var activities = new global::OrderSaga.OrderSaga.Activities(NewSaga(gateway));

        await Attempt(1).RunAsync(() => activities.ProcessPayment(Order, "order-7/run-1/OrderSaga.ProcessPayment"));
        await Attempt(1).RunAsync(() => activities.ProcessPayment(Order, "order-7/run-2/OrderSaga.ProcessPayment"));

        Assert.Equal(2, gateway.Charges);
    }

    [Fact]
    public async Task Step_context_carries_the_key_and_the_attempt()
    {
        var report = await Attempt(3).RunAsync(() => new CopySaga.Activities().CopyFiles(new Batch("b", 2), "copy-key"));

        Assert.Equal("copy-key", report.Key);
        Assert.Equal(3, report.Attempt);
    }

    [Fact]
    public async Task Heartbeats_are_recorded_and_a_retry_resumes_from_the_last_one()
    {
        var beats = new List<object?>();
        var first = Attempt(1) with { Heartbeater = details => beats.Add(details.Single()) };
        await first.RunAsync(() => new CopySaga.Activities().CopyFiles(new Batch("b", 5), "copy-key"));

        var retry = Attempt(2);
        retry = retry with { Info = retry.Info with { HeartbeatDetails = new[] { DataConverter.Default.PayloadConverter.ToPayload(3) } } };
        var resumed = await retry.RunAsync(() => new CopySaga.Activities().CopyFiles(new Batch("b", 5), "copy-key"));

        Assert.Equal(new object?[] { 1, 2, 3, 4, 5 }, beats);
        Assert.Equal(3, resumed.ResumedFrom);
        Assert.Equal(2, resumed.Copied);
    }

    [Fact]
    public void Keys_name_the_workflow_their_scope_and_the_step()
    {
        var step = IdempotencyKey.ForStep("order-7", "scope-1", "OrderSaga.ProcessPayment");

        Assert.Equal("order-7/scope-1/OrderSaga.ProcessPayment", step);
        Assert.Equal("order-7/scope-1/OrderSaga.ProcessPayment/compensation", IdempotencyKey.ForCompensation(step));
        Assert.Equal(step, IdempotencyKey.StepKeyOf(IdempotencyKey.ForCompensation(step)));
        Assert.NotEqual(step, IdempotencyKey.ForStep("order-7", "scope-2", "OrderSaga.ProcessPayment"));
        Assert.True(IdempotencyKey.IsStepKey(step, "order-7", "OrderSaga.ProcessPayment"));
        Assert.False(IdempotencyKey.IsStepKey(step, "order-7", "OrderSaga.ReserveInventory"));
        Assert.False(IdempotencyKey.IsStepKey(step, "order-8", "OrderSaga.ProcessPayment"));
        Assert.False(IdempotencyKey.IsStepKey("order-7//OrderSaga.ProcessPayment", "order-7", "OrderSaga.ProcessPayment"));
    }

    private static ActivityEnvironment Attempt(int attempt)
    {
        var environment = new ActivityEnvironment();
        return environment with { Info = environment.Info with { Attempt = attempt } };
    }

    private static global::OrderSaga.OrderSaga NewSaga(PaymentGateway gateway) => new(
        new InventoryService(new Dictionary<string, int> { ["book"] = 5 }),
        gateway,
        new CustomerNotifier(),
        FaultPlan.None);
}
