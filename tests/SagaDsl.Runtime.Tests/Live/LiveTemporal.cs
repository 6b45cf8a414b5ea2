using System;
using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using Temporalio.Client;
using Temporalio.Testing;
using Xunit;

namespace SagaDsl.Runtime.Tests.Live;

/// <summary>
/// The Temporal server the live tests run against: the one at TEMPORAL_ADDRESS, or the SDK's local
/// dev server when SAGADSL_DEV_SERVER=1. Without either, <see cref="SkipReason"/> says why not.
/// </summary>
public sealed class LiveTemporal : IAsyncLifetime
{
    private WorkflowEnvironment? local;

    public ITemporalClient? Client { get; private set; }

    public string SkipReason { get; private set; } =
        "no Temporal server: set TEMPORAL_ADDRESS=host:port, or SAGADSL_DEV_SERVER=1 to start the SDK's dev server (downloaded once, needs internet)";

    public async Task InitializeAsync()
    {
        var address = Environment.GetEnvironmentVariable("TEMPORAL_ADDRESS");
        if (!string.IsNullOrEmpty(address))
        {
            Client = await TemporalClient.ConnectAsync(new TemporalClientConnectOptions(address)
            {
                Namespace = Environment.GetEnvironmentVariable("TEMPORAL_NAMESPACE") ?? "default",
            });
            await SearchAttributeRegistration.EnsureAsync(Client, OrderSagaWorkflow.SearchAttributes.All);
            return;
        }

        // Asked for explicitly, so a dev server that cannot start fails the tests instead of skipping them.
        if (Environment.GetEnvironmentVariable("SAGADSL_DEV_SERVER") == "1")
        {
            local = await WorkflowEnvironment.StartLocalAsync(new() { SearchAttributes = OrderSagaWorkflow.SearchAttributes.All.ToList() });
            Client = local.Client;
        }
    }

    public async Task DisposeAsync()
    {
        if (local is not null)
        {
            await local.DisposeAsync();
        }
    }
}
