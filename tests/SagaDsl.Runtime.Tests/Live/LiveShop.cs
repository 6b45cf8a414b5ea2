using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using global::OrderSaga;
using Temporalio.Client;
using Temporalio.Worker;

namespace SagaDsl.Runtime.Tests.Live;

/// <summary>The sample's services, shared by every worker the test starts, as a real shop's would be.</summary>
internal sealed class LiveShop
{
    public InventoryService Inventory { get; } = new(new Dictionary<string, int> { ["book"] = 10 });

    public PaymentGateway Payments { get; } = new();

    public CustomerNotifier Notifier { get; } = new();

    /// <summary>Starts one worker per task queue of the saga, running steps with <paramref name="faults"/>.</summary>
    public Workers StartWorkers(ITemporalClient client, FaultPlan faults)
    {
        var saga = new global::OrderSaga.OrderSaga(Inventory, Payments, Notifier, faults);
        var workers = OrderSagaWorker.CreateOptions(saga).Select(options => new TemporalWorker(client, options)).ToList();
        return new Workers(workers);
    }

    /// <summary>Running workers; disposing them stops them, like a process that goes away.</summary>
    internal sealed class Workers : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly List<TemporalWorker> workers;
        private readonly List<Task> running;

        public Workers(List<TemporalWorker> workers)
        {
            this.workers = workers;
            running = workers.Select(worker => worker.ExecuteAsync(stop.Token)).ToList();
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await Task.WhenAll(running.Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
            workers.ForEach(worker => worker.Dispose());
            stop.Dispose();
        }
    }
}
