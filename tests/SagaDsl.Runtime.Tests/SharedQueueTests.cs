using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SagaDsl.Runtime.Tests.Sagas;
using Temporalio.Extensions.Hosting;
using Temporalio.Worker;
using Xunit;

namespace SagaDsl.Runtime.Tests;

/// <summary>
/// Sagas that share task queues, registered through the generated hosting and worker options: one
/// worker per queue, running every workflow and activity any of them runs there.
/// </summary>
public class SharedQueueTests
{
    private static readonly Dictionary<string, (string[] Workflows, string[] Activities)> Expected = new()
    {
        ["shipping"] = (new[] { "ShipmentSaga", "ReturnSaga" }, new[] { "ShipmentSaga.Dispatch", "ReturnSaga.Collect", "CustomsSaga.Release" }),
        ["labels"] = (System.Array.Empty<string>(), new[] { "ShipmentSaga.PrintLabel", "ReturnSaga.PrintReturnLabel" }),
        ["customs"] = (new[] { "CustomsSaga" }, new[] { "CustomsSaga.File" }),
    };

    [Fact]
    public void Two_hosted_sagas_on_the_same_queues_get_one_worker_per_queue_with_both_parts()
    {
        var services = new ServiceCollection();
        services.AddSingleton<SagaInstances>();

        services.AddShipmentSagaWorkers(Connect).AddReturnSagaWorkers(Connect);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(2, provider.GetServices<IHostedService>().Count());
        AssertServes(Hosted(provider, "shipping"), "ShipmentSaga", "ReturnSaga");
        AssertServes(Hosted(provider, "labels"), "ShipmentSaga", "ReturnSaga");
    }

    [Fact]
    public void Three_hosted_sagas_sharing_some_queues_get_one_worker_per_queue_with_every_part_and_the_tighter_limits()
    {
        var services = new ServiceCollection();
        services.AddSingleton<SagaInstances>();

        services.AddShipmentSagaWorkers(Connect).AddReturnSagaWorkers(Connect).AddCustomsSagaWorkers(Connect);

        using var provider = services.BuildServiceProvider();
        Assert.Equal(3, provider.GetServices<IHostedService>().Count());
        foreach (var queue in Expected.Keys)
        {
            AssertServes(Hosted(provider, queue), "ShipmentSaga", "ReturnSaga", "CustomsSaga");
        }

        Assert.Equal(2, Hosted(provider, "labels").MaxConcurrentActivities);
        Assert.Equal(10, Hosted(provider, "labels").MaxTaskQueueActivitiesPerSecond);
        Assert.Equal("localhost:7233", Hosted(provider, "customs").ClientOptions?.TargetHost);
    }

    [Fact]
    public void Three_sagas_added_to_one_list_of_worker_options_give_one_worker_per_queue_with_every_part()
    {
        var workers = new List<TemporalWorkerOptions>()
            .AddShipmentSaga(new ShipmentSaga(new SagaInstances()))
            .AddReturnSaga(new ReturnSaga())
            .AddCustomsSaga(new CustomsSaga());

        Assert.Equal(new[] { "shipping", "labels", "customs" }, workers.Select(worker => worker.TaskQueue));
        foreach (var worker in workers)
        {
            AssertServes(worker, "ShipmentSaga", "ReturnSaga", "CustomsSaga");
        }

        Assert.Equal(2, workers[1].MaxConcurrentActivities);
    }

    [Fact]
    public void A_saga_added_twice_to_one_list_is_refused_with_what_it_would_register_twice()
    {
        var workers = new List<TemporalWorkerOptions>().AddReturnSaga(new ReturnSaga());

        var refused = Assert.Throws<System.ArgumentException>(() => workers.AddReturnSaga(new ReturnSaga()));

        Assert.Contains("workflow 'ReturnSaga' on task queue 'shipping'", refused.Message, System.StringComparison.Ordinal);
    }

    private static void Connect(ITemporalWorkerServiceOptionsBuilder worker) =>
        worker.ConfigureOptions(options => options.ClientOptions = new("localhost:7233"));

    /// <summary>The queue's worker runs exactly what the given sagas run on it.</summary>
    private static void AssertServes(TemporalWorkerOptions worker, params string[] sagas)
    {
        var (workflows, activities) = Expected[worker.TaskQueue!];
        Assert.Equal(
            workflows.Where(name => sagas.Contains(name)).OrderBy(name => name),
            worker.Workflows.Select(workflow => workflow.Name!).OrderBy(name => name));
        Assert.Equal(
            activities.Where(name => sagas.Contains(name.Split('.')[0])).OrderBy(name => name),
            worker.Activities.Select(activity => activity.Name!).OrderBy(name => name));
    }

    private static TemporalWorkerServiceOptions Hosted(ServiceProvider provider, string taskQueue) =>
        provider.GetRequiredService<IOptionsMonitor<TemporalWorkerServiceOptions>>().Get(taskQueue);
}
