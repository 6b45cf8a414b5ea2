using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace SagaDsl.Runtime.Tests.Replay;

/// <summary>
/// Records, while a history replays, every activity the workflow schedules and how the workflow
/// run ends. Replay proves the commands match the history; the record shows the arguments.
/// </summary>
internal sealed class SagaRecorder : IWorkerInterceptor
{
    private readonly List<ActivityCall> calls = new();

    public IReadOnlyList<ActivityCall> Calls => calls;

    public object? Result { get; private set; }

    public Exception? Failure { get; private set; }

    /// <summary>Gets the workflow's search attributes when its run ended, name to value.</summary>
    public IReadOnlyDictionary<string, object> SearchAttributes { get; private set; } = new Dictionary<string, object>();

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) => new Inbound(nextInterceptor, this);

    private sealed class Inbound : WorkflowInboundInterceptor
    {
        private readonly SagaRecorder recorder;

        public Inbound(WorkflowInboundInterceptor next, SagaRecorder recorder)
            : base(next) => this.recorder = recorder;

        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, recorder));

        public override async Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            try
            {
                recorder.Result = await base.ExecuteWorkflowAsync(input);
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
        private readonly SagaRecorder recorder;

        public Outbound(WorkflowOutboundInterceptor next, SagaRecorder recorder)
            : base(next) => this.recorder = recorder;

        public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input)
        {
            var args = input.Args.Select(arg => JsonSerializer.Serialize(arg)).ToList();
            var detached = input.Options.CancellationToken is { } token && token == CancellationToken.None;
            recorder.calls.Add(new ActivityCall(input.Activity, args, input.Options.TaskQueue, detached, input.Options.RetryPolicy?.MaximumAttempts ?? -1, Workflow.CurrentHistoryLength));
            return base.ScheduleActivityAsync<TResult>(input);
        }
    }
}
