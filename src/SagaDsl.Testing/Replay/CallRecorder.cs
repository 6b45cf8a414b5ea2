using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Replay;

/// <summary>
/// Records, while a history replays, every activity the workflow schedules and how its run ends.
/// The replayer proves the commands match the history; the record adds what the history cannot
/// show: arguments, idempotency keys, options, the exception the workflow ended with.
/// </summary>
internal sealed class CallRecorder : IWorkerInterceptor
{
    private readonly SagaDefinition definition;
    private readonly List<SagaCall> calls = new();

    public CallRecorder(SagaDefinition definition) => this.definition = definition;

    public IReadOnlyList<SagaCall> Calls => calls;

    public object? Result { get; private set; }

    public Exception? Failure { get; private set; }

    public IReadOnlyDictionary<string, object> SearchAttributes { get; private set; } = new Dictionary<string, object>();

    /// <summary>Gets the replayed workflow, when it is a generated saga; read once the replay is over, as a query would.</summary>
    public ISagaWorkflow? Saga { get; private set; }

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor, this);

    // Spelled out because netstandard2.0 has no default interface members; replay runs no activities.
    public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => nextInterceptor;

    public NexusOperationInboundInterceptor InterceptNexusOperation(NexusOperationInboundInterceptor nextInterceptor) => nextInterceptor;

    private SagaCall Describe(ScheduleActivityInput input)
    {
        var (data, key) = SagaActivities.Split(input.Args.ToArray());
        var (kind, step) = SagaActivities.Identify(definition, input.Activity, key, Workflow.Info.WorkflowId);
        var options = input.Options;
        var detached = options.CancellationToken is { } token && token == CancellationToken.None;
        return new SagaCall(
            kind,
            step,
            input.Activity,
            data,
            key,
            options.TaskQueue ?? Workflow.Info.TaskQueue,
            detached,
            options.RetryPolicy?.MaximumAttempts ?? 0,
            Workflow.CurrentHistoryLength);
    }

    private sealed class Inbound : WorkflowInboundInterceptor
    {
        private readonly CallRecorder recorder;

        public Inbound(WorkflowInboundInterceptor next, CallRecorder recorder)
            : base(next) => this.recorder = recorder;

        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, recorder));

        public override async Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            recorder.Saga = input.Instance as ISagaWorkflow;
            try
            {
                recorder.Result = await base.ExecuteWorkflowAsync(input).ConfigureAwait(true);
                return recorder.Result;
            }
            catch (Exception e)
            {
                recorder.Failure = e;
                throw;
            }
            finally
            {
                recorder.SearchAttributes = Workflow.TypedSearchAttributes.UntypedValues.ToDictionary(pair => pair.Key.Name, pair => pair.Value);
            }
        }
    }

    private sealed class Outbound : WorkflowOutboundInterceptor
    {
        private readonly CallRecorder recorder;

        public Outbound(WorkflowOutboundInterceptor next, CallRecorder recorder)
            : base(next) => this.recorder = recorder;

        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input)
        {
            recorder.calls.Add(recorder.Describe(input));
            return base.ScheduleActivityAsync<TResult>(input);
        }
    }
}
