using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SagaDsl.Testing.Exploration.Checking;
using Temporalio.Exceptions;
using Temporalio.Worker.Interceptors;
using Temporalio.Workflows;

namespace SagaDsl.Testing.Exploration.Driving;

/// <summary>
/// Records, while a history prefix replays, everything the workflow does that becomes a command,
/// into the observation of the history being replayed. The SDK's commands themselves are not
/// public; the replayer checks the explorer's reading of them on the next, longer prefix.
/// </summary>
internal sealed class TaskRecorder : IWorkerInterceptor
{
    private readonly IReadOnlyCollection<Type> failureExceptionTypes;
    private Inbound? running;

    public TaskRecorder(IReadOnlyCollection<Type> failureExceptionTypes) => this.failureExceptionTypes = failureExceptionTypes;

    /// <summary>Gets or sets the observation of the history the replayer runs now.</summary>
    public TaskObservation? Current { get; set; }

    public WorkflowInboundInterceptor InterceptWorkflow(WorkflowInboundInterceptor nextInterceptor) =>
        running = new Inbound(nextInterceptor, Current ?? throw new InvalidOperationException("A workflow ran outside an exploration."), failureExceptionTypes);

    /// <summary>
    /// Reads the workflow's state once a task's code has run. A saga that parks upserts its phase and
    /// then only waits, so that upsert is followed by no command the interceptor could note it at.
    /// </summary>
    /// <param name="instance">The SDK's workflow instance, which raised the task-completed event.</param>
    public void TaskEnded(object? instance)
    {
        if (running is null || instance is null)
        {
            return;
        }

        running.TaskEnded(TaskEndProbe.Read(instance));
    }

    // Spelled out because netstandard2.0 has no default interface members; replay runs no activities.
    public ActivityInboundInterceptor InterceptActivity(ActivityInboundInterceptor nextInterceptor) => nextInterceptor;

    public NexusOperationInboundInterceptor InterceptNexusOperation(NexusOperationInboundInterceptor nextInterceptor) => nextInterceptor;

    private sealed class Inbound : WorkflowInboundInterceptor
    {
        private readonly TaskObservation observation;
        private readonly IReadOnlyCollection<Type> failureExceptionTypes;
        private IReadOnlyDictionary<string, object> searchAttributes = new Dictionary<string, object>();
        private readonly HashSet<string> patches = new(StringComparer.Ordinal);
        private int activitySequence;
        private int timerSequence;

        public Inbound(WorkflowInboundInterceptor next, TaskObservation observation, IReadOnlyCollection<Type> failureExceptionTypes)
            : base(next)
        {
            this.observation = observation;
            this.failureExceptionTypes = failureExceptionTypes;
        }

        public override void Init(WorkflowOutboundInterceptor outbound) => base.Init(new Outbound(outbound, this));

        public override async Task<object?> ExecuteWorkflowAsync(ExecuteWorkflowInput input)
        {
            observation.DecodedInput = input.Args.FirstOrDefault();
            observation.Workflow = Workflow.Instance;
            searchAttributes = CurrentSearchAttributes();
            try
            {
                var result = await base.ExecuteWorkflowAsync(input).ConfigureAwait(true);
                NoteSearchAttributes();
                observation.End = new WorkflowEnd(WorkflowEndKind.Completed, result, null);
                return result;
            }
            catch (ContinueAsNewException)
            {
                observation.Add(new UnmodelledCommand(Workflow.CurrentHistoryLength, "continue-as-new"));
                throw;
            }
            catch (Exception e)
            {
                NoteSearchAttributes();
                observation.End = new WorkflowEnd(Classify(e), null, e);
                throw;
            }
        }

        public override async Task<object?> HandleUpdateAsync(HandleUpdateInput input)
        {
            object? result;
            try
            {
                result = await base.HandleUpdateAsync(input).ConfigureAwait(true);
            }
            catch (Exception e)
            {
                observation.Add(new UpdateFinished(Workflow.CurrentHistoryLength, input.Id, e));
                throw;
            }

            observation.Add(new UpdateFinished(Workflow.CurrentHistoryLength, input.Id, null));
            return result;
        }

        public void TaskEnded(TaskEndProbe.State state)
        {
            if (StructuralDifference.Between(searchAttributes, state.SearchAttributes) is not null)
            {
                searchAttributes = state.SearchAttributes;
                observation.Add(new SearchAttributesUpserted(state.HistoryLength));
            }

            // A patch found on in a replayed task has its marker in the history; one first found on in the
            // open task is the marker core records now.
            foreach (var patch in state.Patches.Where(patches.Add))
            {
                observation.Add(new PatchRecorded(state.HistoryLength, patch));
            }

            observation.Status = (observation.Workflow as SagaDsl.Runtime.ISagaWorkflow)?.Status;
        }

        /// <summary>The SDK's own rule for what a run method's exception does to the workflow.</summary>
        private WorkflowEndKind Classify(Exception e)
        {
            if (Workflow.CancellationToken.IsCancellationRequested && TemporalException.IsCanceledException(e))
            {
                return WorkflowEndKind.Cancelled;
            }

            return e is FailureException or OperationCanceledException || failureExceptionTypes.Any(type => type.IsInstanceOfType(e))
                ? WorkflowEndKind.Failed
                : WorkflowEndKind.TaskFailed;
        }

        /// <summary>An upsert has no interceptor; a change seen before the next command is one.</summary>
        private void NoteSearchAttributes()
        {
            var now = CurrentSearchAttributes();
            if (StructuralDifference.Between(searchAttributes, now) is not null)
            {
                searchAttributes = now;
                observation.Add(new SearchAttributesUpserted(Workflow.CurrentHistoryLength));
            }
        }

        private static Dictionary<string, object> CurrentSearchAttributes() =>
            Workflow.TypedSearchAttributes.UntypedValues.ToDictionary(pair => pair.Key.Name, pair => pair.Value, StringComparer.Ordinal);

        private sealed class Outbound : WorkflowOutboundInterceptor
        {
            private readonly Inbound inbound;

            public Outbound(WorkflowOutboundInterceptor next, Inbound inbound)
                : base(next) => this.inbound = inbound;

            private TaskObservation Observation => inbound.observation;

            public override Task<TResult> ScheduleActivityAsync<TResult>(ScheduleActivityInput input)
            {
                inbound.NoteSearchAttributes();
                var token = input.Options.CancellationToken ?? Workflow.CancellationToken;
                if (token.IsCancellationRequested)
                {
                    // The SDK refuses to schedule on a cancelled token: no command, no sequence number.
                    return base.ScheduleActivityAsync<TResult>(input);
                }

                var seq = ++inbound.activitySequence;
                var observation = Observation;
                observation.Add(new ScheduledActivity(
                    Workflow.CurrentHistoryLength,
                    seq,
                    input.Options.ActivityId ?? seq.ToString(CultureInfo.InvariantCulture),
                    input.Activity,
                    input.Options.TaskQueue ?? Workflow.Info.TaskQueue,
                    input.Args.ToArray(),
                    ActivityShape.Of(input.Options)));
                token.Register(() => observation.Add(new ActivityTokenCancelled(seq)));
                var scheduled = base.ScheduleActivityAsync<TResult>(input);
                if (typeof(TResult) == typeof(ValueTuple))
                {
                    // An activity that returns nothing: the SDK hands back a default, never a payload.
                    return scheduled;
                }

                scheduled.ContinueWith(
                    done => observation.Decoded(seq, done.Result),
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Current);
                return scheduled;
            }

            public override Task DelayAsync(DelayAsyncInput input)
            {
                inbound.NoteSearchAttributes();
                var token = input.CancellationToken ?? Workflow.CancellationToken;
                if (token.IsCancellationRequested || input.Delay == Timeout.InfiniteTimeSpan)
                {
                    // The SDK sends no command for either.
                    return base.DelayAsync(input);
                }

                if (token.CanBeCanceled)
                {
                    return Unmodelled("a timer that can be cancelled", () => base.DelayAsync(input));
                }

                var delay = input.Delay == TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : input.Delay;
                Observation.Add(new StartedTimer(Workflow.CurrentHistoryLength, ++inbound.timerSequence, delay));
                return base.DelayAsync(input);
            }

            public override Task<TResult> ScheduleLocalActivityAsync<TResult>(ScheduleLocalActivityInput input) =>
                Unmodelled("local activity " + input.Activity, () => base.ScheduleLocalActivityAsync<TResult>(input));

            public override Task<ChildWorkflowHandle<TWorkflow, TResult>> StartChildWorkflowAsync<TWorkflow, TResult>(StartChildWorkflowInput input) =>
                Unmodelled("child workflow " + input.Workflow, () => base.StartChildWorkflowAsync<TWorkflow, TResult>(input));

            public override Task SignalExternalWorkflowAsync(SignalExternalWorkflowInput input) =>
                Unmodelled("a signal to workflow " + input.Id, () => base.SignalExternalWorkflowAsync(input));

            public override Task CancelExternalWorkflowAsync(CancelExternalWorkflowInput input) =>
                Unmodelled("a cancel of workflow " + input.Id, () => base.CancelExternalWorkflowAsync(input));

            private T Unmodelled<T>(string what, Func<T> next)
            {
                Observation.Add(new UnmodelledCommand(Workflow.CurrentHistoryLength, what));
                return next();
            }
        }
    }
}
