using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SagaDsl.Runtime.Tests.Sagas;
using Temporalio.Extensions.Hosting;
using Temporalio.Testing;
using Xunit;

namespace SagaDsl.Runtime.Tests;

/// <summary>The generated Temporalio.Extensions.Hosting registration, resolved from a real service provider.</summary>
public class HostedWorkerTests
{
    [Fact]
    public void One_hosted_worker_per_task_queue_each_with_its_part_and_limits()
    {
        using var provider = Provider();

        Assert.Equal(2, provider.GetServices<IHostedService>().Count());
        Assert.All(new[] { "shipping", "labels" }, queue => Assert.Equal("localhost:7233", OptionsOf(provider, queue).ClientOptions?.TargetHost));
        var shipping = OptionsOf(provider, "shipping");
        var labels = OptionsOf(provider, "labels");
        Assert.Equal(new[] { "ShipmentSaga" }, shipping.Workflows.Select(workflow => workflow.Name));
        Assert.Equal(new[] { "ShipmentSaga.Dispatch" }, shipping.Activities.Select(activity => activity.Name));
        Assert.Empty(labels.Workflows);
        Assert.Equal(new[] { "ShipmentSaga.PrintLabel" }, labels.Activities.Select(activity => activity.Name));
        Assert.Equal(3, labels.MaxConcurrentActivities);
    }

    [Fact]
    public async Task Every_activity_runs_on_a_saga_from_its_own_scope()
    {
        using var provider = Provider();
        var printLabel = OptionsOf(provider, "labels").Activities.Single();
        var environment = new ActivityEnvironment();

        var first = await environment.RunAsync(() => printLabel.InvokeAsync(new object?[] { new Parcel("p1"), "key-1" }));
        var second = await environment.RunAsync(() => printLabel.InvokeAsync(new object?[] { new Parcel("p1"), "key-1" }));

        Assert.Equal("label-p1-1", first);
        Assert.Equal("label-p1-2", second);
        Assert.Equal(2, provider.GetRequiredService<SagaInstances>().Created);
    }

    [Fact]
    public void A_worker_on_a_queue_the_saga_does_not_use_is_refused_with_its_queues()
    {
        var services = new ServiceCollection();

        var refused = Assert.Throws<System.ArgumentException>(() => services.AddHostedTemporalWorker("elsewhere").AddShipmentSaga());

        Assert.Contains("its queues are shipping, labels", refused.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_saga_with_internal_records_registers_its_internal_workflow_and_activities_with_the_sdk()
    {
        var options = new Temporalio.Worker.TemporalWorkerOptions("InternalRecordsSaga").AddInternalRecordsSaga(new InternalRecordsSaga());

        Assert.Equal("InternalRecordsSaga", Assert.Single(options.Workflows).Name);
        Assert.Equal(
            new[] { "InternalRecordsSaga.Confirm", "InternalRecordsSaga.HoldSeat", "InternalRecordsSaga.ReleaseSeat" },
            options.Activities.Select(activity => activity.Name).OrderBy(name => name, System.StringComparer.Ordinal));
        Assert.False(typeof(InternalRecordsSagaWorkflow).IsPublic);
    }

    private static ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddSingleton<SagaInstances>();
        // Client options make each worker connect when it starts; nothing connects while the test runs.
        services.AddShipmentSagaWorkers(worker => worker.ConfigureOptions(options => options.ClientOptions = new("localhost:7233")));
        return services.BuildServiceProvider();
    }

    // A hosted worker without a build id keeps its options under its task queue's name.
    private static TemporalWorkerServiceOptions OptionsOf(ServiceProvider provider, string taskQueue) =>
        provider.GetRequiredService<IOptionsMonitor<TemporalWorkerServiceOptions>>().Get(taskQueue);
}
