using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using global::OrderSaga;
using Temporalio.Api.Enums.V1;
using Temporalio.Client;
using Temporalio.Client.Interceptors;
using Temporalio.Common;
using Xunit;
using static SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Runtime.Tests.OrderSaga;

/// <summary>
/// What the generated client sends when it starts the OrderSaga, asks its status, or retries or skips
/// what it parked, caught by a client interceptor before it reaches the (absent) server.
/// </summary>
public class OrderSagaClientTests
{
    [Fact]
    public async Task A_start_never_reruns_a_completed_order_and_carries_the_search_attributes()
    {
        var (client, starts) = Client();

        await client.StartOrderSagaAsync(Order, "order-1");

        var sent = Assert.Single(starts).Options;
        Assert.Equal("order-1", sent.Id);
        Assert.Equal(OrderSagaWorkflow.TaskQueue, sent.TaskQueue);
        Assert.Equal(WorkflowIdReusePolicy.RejectDuplicate, sent.IdReusePolicy);
        Assert.Equal("order-1", sent.TypedSearchAttributes!.Get(OrderSagaWorkflow.SearchAttributes.OrderId));
        Assert.Equal("customer-1", sent.TypedSearchAttributes.Get(OrderSagaWorkflow.SearchAttributes.CustomerId));
        Assert.Equal(250d, sent.TypedSearchAttributes.Get(OrderSagaWorkflow.SearchAttributes.Amount));
    }

    [Fact]
    public async Task Safe_choices_of_the_caller_are_kept_and_the_callers_options_are_left_alone()
    {
        var (client, starts) = Client();
        var region = SearchAttributeKey.CreateKeyword("Region");
        var options = new WorkflowOptions
        {
            IdReusePolicy = WorkflowIdReusePolicy.AllowDuplicateFailedOnly,
            IdConflictPolicy = WorkflowIdConflictPolicy.UseExisting,
            TaskQueue = "orders-eu",
            TypedSearchAttributes = new SearchAttributeCollection.Builder().Set(region, "eu").ToSearchAttributeCollection(),
        };

        await client.StartOrderSagaAsync(Order, "order-1", options);

        var sent = Assert.Single(starts).Options;
        Assert.Equal(WorkflowIdReusePolicy.AllowDuplicateFailedOnly, sent.IdReusePolicy);
        Assert.Equal(WorkflowIdConflictPolicy.UseExisting, sent.IdConflictPolicy);
        Assert.Equal("orders-eu", sent.TaskQueue);
        Assert.Equal("eu", sent.TypedSearchAttributes!.Get(region));
        Assert.Equal("order-1", sent.TypedSearchAttributes.Get(OrderSagaWorkflow.SearchAttributes.OrderId));
        Assert.Null(options.Id);
        Assert.Equal("eu", Assert.Single(options.TypedSearchAttributes.UntypedValues).Value);
    }

    public static TheoryData<string, Action<WorkflowOptions>, string> EndingsWithoutCompensation => new()
    {
#pragma warning disable CS0612 // The obsolete policy is still honoured by the server, so it must still be refused.
        { "TerminateIfRunning", options => options.IdReusePolicy = WorkflowIdReusePolicy.TerminateIfRunning, "runs no more code, so nothing it did is compensated" },
#pragma warning restore CS0612
        { "TerminateExisting", options => options.IdConflictPolicy = WorkflowIdConflictPolicy.TerminateExisting, "runs no more code, so nothing it did is compensated" },
        { "ExecutionTimeout", options => options.ExecutionTimeout = TimeSpan.FromHours(2), "ends the saga without running any of its code" },
        { "RunTimeout", options => options.RunTimeout = TimeSpan.FromHours(2), "ends the saga without running any of its code" },
        { "CronSchedule", options => options.CronSchedule = "0 * * * *", "repeats the first run's input" },
    };

    [Theory]
    [MemberData(nameof(EndingsWithoutCompensation))]
    public async Task Options_that_end_a_saga_without_compensating_it_are_refused_before_anything_is_sent(string option, Action<WorkflowOptions> set, string reason)
    {
        var (client, starts) = Client();
        var options = new WorkflowOptions();
        set(options);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.StartOrderSagaAsync(Order, "order-1", options));

        Assert.Empty(starts);
        Assert.Equal("options", refused.ParamName);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Contains(option, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("Saga OrderSaga cannot", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_without_a_business_id_is_refused()
    {
        var (client, starts) = Client();

        await Assert.ThrowsAsync<ArgumentException>(() => client.StartOrderSagaAsync(Order, " "));

        Assert.Empty(starts);
    }

    [Fact]
    public async Task An_operators_retry_and_skip_are_the_sagas_updates_with_the_step_and_the_reason_awaited_to_completion()
    {
        var (client, capture) = Captured();

        await Assert.ThrowsAsync<SentToServer>(() => client.RetryOrderSagaStepAsync("order-1", "ProcessPayment"));
        await Assert.ThrowsAsync<SentToServer>(() => client.SkipOrderSagaStepAsync("order-1", "ProcessPayment", "refunded by bank transfer"));

        Assert.Equal(
            new[] { ("Retry", "ProcessPayment"), ("Skip", "ProcessPayment|refunded by bank transfer") },
            capture.Updates.ConvertAll(update => (update.Update, string.Join("|", update.Args))));
        Assert.All(capture.Updates, update => Assert.Equal("order-1", update.Id));
        Assert.All(capture.Updates, update => Assert.Equal(WorkflowUpdateStage.Completed, update.Options.WaitForStage));
    }

    [Fact]
    public async Task The_status_is_the_sagas_status_query()
    {
        var (client, capture) = Captured();

        await Assert.ThrowsAsync<SentToServer>(() => client.GetOrderSagaStatusAsync("order-1"));

        var query = Assert.Single(capture.Queries);
        Assert.Equal(("order-1", "Status"), (query.Id, query.Query));
    }

    private static (ITemporalClient Client, List<StartWorkflowInput> Starts) Client()
    {
        var (client, capture) = Captured();
        return (client, capture.Starts);
    }

    private static (ITemporalClient Client, StartCapture Capture) Captured()
    {
        var capture = new StartCapture();
        var client = TemporalClient.CreateLazy(new TemporalClientConnectOptions("localhost:7233") { Interceptors = new[] { capture } });
        capture.Client = client;
        return (client, capture);
    }

    /// <summary>Stands for the server's answer, which no test here has: the call was caught before it left.</summary>
    private sealed class SentToServer : Exception
    {
    }

    private sealed class StartCapture : IClientInterceptor
    {
        public List<StartWorkflowInput> Starts { get; } = new();

        public List<StartWorkflowUpdateInput> Updates { get; } = new();

        public List<QueryWorkflowInput> Queries { get; } = new();

        public ITemporalClient? Client { get; set; }

        public ClientOutboundInterceptor InterceptClient(ClientOutboundInterceptor nextInterceptor) => new Outbound(nextInterceptor, this);

        private sealed class Outbound : ClientOutboundInterceptor
        {
            private readonly StartCapture capture;

            public Outbound(ClientOutboundInterceptor next, StartCapture capture)
                : base(next) => this.capture = capture;

            public override Task<WorkflowHandle<TWorkflow, TResult>> StartWorkflowAsync<TWorkflow, TResult>(StartWorkflowInput input)
            {
                capture.Starts.Add(input);
                return Task.FromResult(new WorkflowHandle<TWorkflow, TResult>(capture.Client!, input.Options.Id!));
            }

            public override Task<WorkflowUpdateHandle<TResult>> StartWorkflowUpdateAsync<TResult>(StartWorkflowUpdateInput input)
            {
                capture.Updates.Add(input);
                throw new SentToServer();
            }

            public override Task<TResult> QueryWorkflowAsync<TResult>(QueryWorkflowInput input)
            {
                capture.Queries.Add(input);
                throw new SentToServer();
            }
        }
    }
}
