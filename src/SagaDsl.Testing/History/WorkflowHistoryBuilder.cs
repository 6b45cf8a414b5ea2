using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;
using ApiFailure = Temporalio.Api.Failure.V1.Failure;

namespace SagaDsl.Testing.History;

/// <summary>
/// Writes a workflow's event history one workflow task at a time, as a server would record it, so
/// the Temporal SDK's replayer can check a workflow against it without a server. The scenario kit
/// builds every history with it; use it directly to replay a history you describe event by event.
/// </summary>
/// <remarks>
/// Activities get ids 1, 2, 3… in scheduling order, like the SDK assigns them. The first workflow
/// task records the core SDK flags under which the replayer compares each scheduled activity with
/// the history: without them a workflow that calls the wrong activity would replay green.
/// </remarks>
public sealed class WorkflowHistoryBuilder
{
    private static readonly uint[] CoreFlags = { 1, 2, 3 };

    // What core writes for Workflow.Patched (sdk-core: PATCH_MARKER_NAME, PATCHED_MARKER_DETAILS_KEY, VERSION_SEARCH_ATTR_KEY).
    private const string PatchMarkerName = "core_patch";
    private const string PatchMarkerDetailsKey = "patch-data";
    private const string ChangeVersionSearchAttribute = "TemporalChangeVersion";

    private readonly List<HistoryEvent> events = new();
    private readonly Dictionary<int, long> timers = new();
    // Immutable, so a fork shares it: the explorer forks a builder for every branch of every path.
    private ImmutableSortedSet<string> patches = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
    private readonly DataConverter converter;
    private readonly string workflowId;
    private DateTime clock = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private long lastWorkflowTaskCompleted;
    private long openTaskScheduled;
    private long openTaskStarted;
    private int activitySequence;
    private bool firstTask = true;

    /// <summary>Initializes a new instance of the <see cref="WorkflowHistoryBuilder"/> class with a started workflow and its first task.</summary>
    /// <param name="workflowType">The workflow type name.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="taskQueue">The workflow's task queue.</param>
    /// <param name="firstExecutionRunId">The run id of the first execution, which also seeds the workflow's randomness and so its keys.</param>
    /// <param name="input">The workflow's arguments.</param>
    public WorkflowHistoryBuilder(string workflowType, string workflowId, string taskQueue, string firstExecutionRunId, params object?[] input)
        : this(DataConverter.Default, workflowType, workflowId, taskQueue, firstExecutionRunId, input)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WorkflowHistoryBuilder"/> class that encodes payloads with <paramref name="converter"/>.</summary>
    /// <param name="converter">The data converter the workflow's worker uses.</param>
    /// <param name="workflowType">The workflow type name.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="taskQueue">The workflow's task queue.</param>
    /// <param name="firstExecutionRunId">The run id of the first execution, which also seeds the workflow's randomness and so its keys.</param>
    /// <param name="input">The workflow's arguments.</param>
    public WorkflowHistoryBuilder(DataConverter converter, string workflowType, string workflowId, string taskQueue, string firstExecutionRunId, params object?[] input)
        : this(converter, workflowType, workflowId, taskQueue, firstExecutionRunId, input, firstTaskOpen: false)
    {
    }

    private WorkflowHistoryBuilder(DataConverter converter, string workflowType, string workflowId, string taskQueue, string firstExecutionRunId, object?[] input, bool firstTaskOpen)
    {
        this.converter = converter ?? throw new ArgumentNullException(nameof(converter));
        this.workflowId = workflowId;
        var started = new WorkflowExecutionStartedEventAttributes
        {
            WorkflowType = new WorkflowType { Name = workflowType },
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = taskQueue },
            Input = Payloads(input),
            WorkflowTaskTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)),
            OriginalExecutionRunId = firstExecutionRunId,
            FirstExecutionRunId = firstExecutionRunId,
            Attempt = 1,
            WorkflowId = workflowId,
        };
        Add(EventType.WorkflowExecutionStarted, e => e.WorkflowExecutionStartedEventAttributes = started);
        if (firstTaskOpen)
        {
            StartWorkflowTask();
        }
        else
        {
            WorkflowTask();
        }
    }

    /// <summary>Starts a history whose first workflow task is still open: the workflow has not run yet.</summary>
    internal static WorkflowHistoryBuilder Opened(DataConverter converter, string workflowType, string workflowId, string taskQueue, string firstExecutionRunId, object?[] input) =>
        new(converter, workflowType, workflowId, taskQueue, firstExecutionRunId, input, firstTaskOpen: true);

    private WorkflowHistoryBuilder(WorkflowHistoryBuilder other)
    {
        events = new List<HistoryEvent>(other.events);
        timers = new Dictionary<int, long>(other.timers);
        patches = other.patches;
        converter = other.converter;
        workflowId = other.workflowId;
        clock = other.clock;
        lastWorkflowTaskCompleted = other.lastWorkflowTaskCompleted;
        openTaskScheduled = other.openTaskScheduled;
        openTaskStarted = other.openTaskStarted;
        activitySequence = other.activitySequence;
        firstTask = other.firstTask;
    }

    /// <summary>Gets the number of events written so far.</summary>
    public int Length => events.Count;

    /// <summary>Appends a completed workflow task (scheduled, started, completed): the workflow ran and sent its commands.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder WorkflowTask()
    {
        StartWorkflowTask();
        CompleteWorkflowTask();
        return this;
    }

    /// <summary>
    /// Appends a workflow task that is scheduled and started but not completed. A history that ends
    /// here replays the workflow's code for that task: the replayer runs it without comparing the
    /// commands it sends, so a recording interceptor sees what the workflow would do next.
    /// </summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder StartWorkflowTask()
    {
        var scheduled = Add(EventType.WorkflowTaskScheduled, e => e.WorkflowTaskScheduledEventAttributes = new() { StartToCloseTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), Attempt = 1 });
        openTaskScheduled = scheduled;
        openTaskStarted = Add(EventType.WorkflowTaskStarted, e => e.WorkflowTaskStartedEventAttributes = new() { ScheduledEventId = scheduled });
        return this;
    }

    /// <summary>Completes the workflow task <see cref="StartWorkflowTask"/> left open: the events of its commands follow.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder CompleteWorkflowTask()
    {
        var completed = new WorkflowTaskCompletedEventAttributes { ScheduledEventId = openTaskScheduled, StartedEventId = openTaskStarted };
        if (firstTask)
        {
            completed.SdkMetadata = new WorkflowTaskCompletedMetadata();
            completed.SdkMetadata.CoreUsedFlags.Add(CoreFlags);
            firstTask = false;
        }

        lastWorkflowTaskCompleted = Add(EventType.WorkflowTaskCompleted, e => e.WorkflowTaskCompletedEventAttributes = completed);
        return this;
    }

    /// <summary>The last workflow task scheduled an activity.</summary>
    /// <param name="activityType">The activity type name.</param>
    /// <param name="taskQueue">The activity's task queue.</param>
    /// <returns>The scheduled event's id, to complete, fail or cancel the activity later.</returns>
    public long Schedule(string activityType, string taskQueue) =>
        Schedule(activityType, taskQueue, (++activitySequence).ToString(CultureInfo.InvariantCulture));

    /// <summary>The last workflow task scheduled an activity with the given id, as the workflow named it.</summary>
    /// <param name="activityType">The activity type name.</param>
    /// <param name="taskQueue">The activity's task queue.</param>
    /// <param name="activityId">The activity id: the SDK's sequence number unless the workflow set one.</param>
    /// <returns>The scheduled event's id.</returns>
    public long Schedule(string activityType, string taskQueue, string activityId) =>
        Add(EventType.ActivityTaskScheduled, e => e.ActivityTaskScheduledEventAttributes = new()
        {
            ActivityId = activityId,
            ActivityType = new ActivityType { Name = activityType },
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = taskQueue },
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });

    /// <summary>The activity returned <paramref name="result"/> (<c>null</c> for one that returns nothing); a workflow task follows.</summary>
    /// <param name="scheduled">The scheduled event's id.</param>
    /// <param name="result">The activity's result.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder Complete(long scheduled, object? result)
    {
        RecordCompleted(scheduled, result);
        return WorkflowTask();
    }

    /// <summary>The activity failed for good with an application error; a workflow task follows.</summary>
    /// <param name="scheduled">The scheduled event's id.</param>
    /// <param name="errorType">The application error type.</param>
    /// <param name="message">The error message.</param>
    /// <param name="attempts">
    /// The attempts made. 1 with a non-retryable error; the retry policy's maximum attempts when a
    /// retryable error failed every attempt.
    /// </param>
    /// <param name="nonRetryable">Whether the error was marked non-retryable.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder Fail(long scheduled, string errorType, string message, int attempts = 1, bool nonRetryable = true)
    {
        RecordFailed(scheduled, errorType, message, attempts, nonRetryable);
        return WorkflowTask();
    }

    /// <summary>The activity timed out for good; a workflow task follows.</summary>
    /// <param name="scheduled">The scheduled event's id.</param>
    /// <param name="timeout">Which timeout expired.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="lastHeartbeatDetails">The details of the last heartbeat the activity recorded, if any.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder TimeOut(long scheduled, ActivityTimeout timeout, int attempts = 1, params object?[] lastHeartbeatDetails)
    {
        RecordTimedOut(scheduled, timeout, attempts, lastHeartbeatDetails);
        return WorkflowTask();
    }

    /// <summary>Schedules an activity in the last workflow task and completes it.</summary>
    /// <param name="activityType">The activity type name.</param>
    /// <param name="taskQueue">The activity's task queue.</param>
    /// <param name="result">The activity's result.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder Completes(string activityType, string taskQueue, object? result = null) =>
        Complete(Schedule(activityType, taskQueue), result);

    /// <summary>Schedules an activity in the last workflow task and fails it with a non-retryable error.</summary>
    /// <param name="activityType">The activity type name.</param>
    /// <param name="taskQueue">The activity's task queue.</param>
    /// <param name="errorType">The application error type.</param>
    /// <param name="message">The error message.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder Fails(string activityType, string taskQueue, string errorType, string message) =>
        Fail(Schedule(activityType, taskQueue), errorType, message);

    /// <summary>
    /// Resets the workflow to its last workflow task, as an operator's reset does: the history up to
    /// that task's start is what the reset run keeps, the task fails with the reset as its cause, and
    /// from there the workflow runs on under <paramref name="newRunId"/>, which reseeds its randomness.
    /// Start the next workflow task to see what the reset run does.
    /// </summary>
    /// <param name="baseRunId">The run that was reset.</param>
    /// <param name="newRunId">The reset run's id.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder ResetHere(string baseRunId, string newRunId)
    {
        if (events[events.Count - 1].EventType == EventType.WorkflowTaskCompleted)
        {
            ReopenLastWorkflowTask();
        }

        if (events[events.Count - 1].EventType != EventType.WorkflowTaskStarted)
        {
            throw new InvalidOperationException("A reset point is a workflow task: reset right after one completed or while one is open.");
        }

        Add(EventType.WorkflowTaskFailed, e => e.WorkflowTaskFailedEventAttributes = new()
        {
            ScheduledEventId = openTaskScheduled,
            StartedEventId = openTaskStarted,
            Cause = WorkflowTaskFailedCause.ResetWorkflow,
            BaseRunId = baseRunId,
            NewRunId = newRunId,
        });
        return this;
    }

    /// <summary>The last workflow task started a timer, such as a saga's deadline. Timers get ids 1, 2, 3… in order, as the SDK assigns them.</summary>
    /// <param name="delay">How long after it starts it fires.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder TimerStarted(TimeSpan delay)
    {
        RecordTimerStarted(timers.Count + 1, delay);
        return this;
    }

    /// <summary>A timer fired; a workflow task follows.</summary>
    /// <param name="timer">The timer's id: 1 for the first the workflow started.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder TimerFired(int timer = 1)
    {
        if (!timers.TryGetValue(timer, out var started))
        {
            throw new InvalidOperationException($"Timer {timer} was never started; record TimerStarted first.");
        }

        RecordTimerFired(started, timer);
        return WorkflowTask();
    }

    /// <summary>The last workflow task upserted search attributes.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder UpsertedSearchAttributes()
    {
        Add(EventType.UpsertWorkflowSearchAttributes, e => e.UpsertWorkflowSearchAttributesEventAttributes = new()
        {
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
            SearchAttributes = new SearchAttributes(),
        });
        return this;
    }

    /// <summary>
    /// The last workflow task called <c>Workflow.Patched(patchId)</c> (or <c>DeprecatePatch</c>) for the first
    /// time in a run that was not replaying, so the patch is on: core records a <c>core_patch</c> marker, and,
    /// under the core flags every history here carries, upserts the <c>TemporalChangeVersion</c> search
    /// attribute right after it. A replay of this history returns true from <c>Patched(patchId)</c>; a history
    /// without the marker returns false there, the path of executions started before the patch.
    /// </summary>
    /// <param name="patchId">The patch's id.</param>
    /// <param name="deprecated">Whether the workflow called <c>DeprecatePatch</c> rather than <c>Patched</c>.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder Patched(string patchId, bool deprecated = false)
    {
        var marker = new MarkerRecordedEventAttributes { MarkerName = PatchMarkerName, WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted };
        marker.Details.Add(PatchMarkerDetailsKey, new Payloads { Payloads_ = { converter.PayloadConverter.ToPayload(new PatchMarkerData(patchId, deprecated)) } });
        Add(EventType.MarkerRecorded, e => e.MarkerRecordedEventAttributes = marker);

        patches = patches.Add(patchId);
        var versions = converter.PayloadConverter.ToPayload(patches.ToArray());
        versions.Metadata["type"] = Google.Protobuf.ByteString.CopyFromUtf8("KeywordList");
        Add(EventType.UpsertWorkflowSearchAttributes, e => e.UpsertWorkflowSearchAttributesEventAttributes = new()
        {
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
            SearchAttributes = new SearchAttributes { IndexedFields = { [ChangeVersionSearchAttribute] = versions } },
        });
        return this;
    }

    /// <summary>
    /// A client's workflow update reached the workflow, which accepted it in a new workflow task: the
    /// update's handler runs in that task, before the commands the task sends. Record those commands
    /// next, then <see cref="UpdateCompleted"/> where the handler returned.
    /// </summary>
    /// <param name="update">The update's name, such as a saga's <c>Retry</c> or <c>Skip</c>.</param>
    /// <param name="updateId">The update's id, unique within the workflow.</param>
    /// <param name="arguments">The update's arguments.</param>
    /// <returns>The accepted event's id, for <see cref="UpdateCompleted"/>.</returns>
    public long UpdateAccepted(string update, string updateId, params object?[] arguments)
    {
        WorkflowTask();
        return RecordUpdateAccepted(update, updateId, arguments);
    }

    /// <summary>The update's handler returned, with nothing, in the task that accepted it; the server records it after that task's completion.</summary>
    /// <param name="accepted">The accepted event's id, from <see cref="UpdateAccepted"/>.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder UpdateCompleted(long accepted)
    {
        RecordUpdateCompleted(accepted);
        return this;
    }

    /// <summary>
    /// The update's handler threw in the task that accepted it: the update fails with
    /// <paramref name="message"/> and the workflow goes on (a validator's rejection, by contrast,
    /// never reaches the history).
    /// </summary>
    /// <param name="accepted">The accepted event's id, from <see cref="UpdateAccepted"/>.</param>
    /// <param name="message">The failure's message.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder UpdateFailed(long accepted, string message)
    {
        RecordUpdateCompleted(accepted, converter.FailureConverter.ToFailure(new ApplicationFailureException(message, nonRetryable: true), converter.PayloadConverter));
        return this;
    }

    /// <summary>A client asked to cancel the workflow; a workflow task follows.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder CancelRequested()
    {
        RecordCancelRequested();
        return WorkflowTask();
    }

    /// <summary>The last workflow task asked to cancel a running activity.</summary>
    /// <param name="scheduled">The scheduled event's id.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder ActivityCancelRequested(long scheduled)
    {
        RecordActivityCancelRequested(scheduled);
        return this;
    }

    /// <summary>
    /// The activity, whose cancellation the workflow requested, acknowledged it; a workflow task
    /// follows. As the server records an activity that was not running (not started yet, or waiting
    /// between two attempts): cancelled at once, with no started event.
    /// </summary>
    /// <param name="scheduled">The scheduled event's id.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder Cancelled(long scheduled)
    {
        var request = events.LastOrDefault(e => e.EventType == EventType.ActivityTaskCancelRequested && e.ActivityTaskCancelRequestedEventAttributes.ScheduledEventId == scheduled)?.EventId
            ?? throw new InvalidOperationException($"Activity {scheduled} has no cancel request to acknowledge; record ActivityCancelRequested first.");
        RecordCanceled(scheduled, request, started: false);
        return WorkflowTask();
    }

    /// <summary>The last workflow task completed the workflow.</summary>
    /// <param name="result">The workflow's result.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder EndsCompleted(object? result)
    {
        Add(EventType.WorkflowExecutionCompleted, e => e.WorkflowExecutionCompletedEventAttributes = new()
        {
            Result = Payloads(result),
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
        return this;
    }

    /// <summary>The last workflow task failed the workflow.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder EndsFailed() => EndsFailed(new ApiFailure { Message = "saga failed" });

    /// <summary>The last workflow task failed the workflow with <paramref name="failure"/>.</summary>
    /// <param name="failure">The failure, as the workflow's failure converter wrote it.</param>
    /// <returns>This builder.</returns>
    internal WorkflowHistoryBuilder EndsFailed(ApiFailure failure)
    {
        Add(EventType.WorkflowExecutionFailed, e => e.WorkflowExecutionFailedEventAttributes = new()
        {
            Failure = failure,
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
        return this;
    }

    /// <summary>The last workflow task ended the workflow as cancelled.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder EndsCancelled()
    {
        Add(EventType.WorkflowExecutionCanceled, e => e.WorkflowExecutionCanceledEventAttributes = new() { WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted });
        return this;
    }

    /// <summary>Records the activity's completion, with no workflow task after it.</summary>
    internal void RecordCompleted(long scheduled, object? result)
    {
        var started = Started(scheduled, attempt: 1);
        Add(EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Result = Payloads(result),
        });
    }

    /// <summary>
    /// Records the activity's failure for good, with no workflow task after it. After a cancel
    /// request the server retries nothing and reports <see cref="RetryState.CancelRequested"/>.
    /// </summary>
    internal void RecordFailed(long scheduled, string errorType, string message, int attempts, bool nonRetryable, bool cancelRequested = false)
    {
        var started = Started(scheduled, attempts);
        var failure = converter.FailureConverter.ToFailure(
            new ApplicationFailureException(message, errorType, nonRetryable: nonRetryable),
            converter.PayloadConverter);
        Add(EventType.ActivityTaskFailed, e => e.ActivityTaskFailedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Failure = failure,
            RetryState = cancelRequested ? RetryState.CancelRequested : nonRetryable ? RetryState.NonRetryableFailure : RetryState.MaximumAttemptsReached,
        });
    }

    /// <summary>Records the activity's timeout for good, with no workflow task after it; after a cancel request, as <see cref="RecordFailed"/>.</summary>
    internal void RecordTimedOut(long scheduled, ActivityTimeout timeout, int attempts, object?[] lastHeartbeatDetails, bool cancelRequested = false)
    {
        var type = ToApi(timeout);
        long? started = timeout == ActivityTimeout.ScheduleToStart ? null : Started(scheduled, attempts);
        var failure = new ApiFailure
        {
            Message = "activity " + timeout + " timeout",
            Source = "Server",
            TimeoutFailureInfo = new() { TimeoutType = type },
        };
        if (lastHeartbeatDetails is { Length: > 0 })
        {
            failure.TimeoutFailureInfo.LastHeartbeatDetails = Payloads(lastHeartbeatDetails);
        }

        Add(EventType.ActivityTaskTimedOut, e => e.ActivityTaskTimedOutEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started ?? 0,
            Failure = failure,
            RetryState = cancelRequested ? RetryState.CancelRequested
                : timeout is ActivityTimeout.ScheduleToClose or ActivityTimeout.ScheduleToStart ? RetryState.Timeout
                : RetryState.MaximumAttemptsReached,
        });
    }

    /// <summary>
    /// Records that the activity acknowledged a cancel request. <paramref name="started"/> is false
    /// when no attempt was running: the server then cancels it at once, in the same batch as the
    /// request, as it does between two attempts.
    /// </summary>
    internal void RecordCanceled(long scheduled, long cancelRequested, bool started)
    {
        var startedEvent = started ? Started(scheduled, attempt: 1) : 0;
        Add(EventType.ActivityTaskCanceled, e => e.ActivityTaskCanceledEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = startedEvent,
            LatestCancelRequestedEventId = cancelRequested,
        });
    }

    /// <summary>Records that the last workflow task started a timer; returns the started event's id.</summary>
    internal long RecordTimerStarted(int seq, TimeSpan delay)
    {
        var started = Add(EventType.TimerStarted, e => e.TimerStartedEventAttributes = new()
        {
            TimerId = seq.ToString(CultureInfo.InvariantCulture),
            StartToFireTimeout = Duration.FromTimeSpan(delay),
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
        timers[seq] = started;
        return started;
    }

    /// <summary>Records that a timer fired, with no workflow task after it.</summary>
    internal void RecordTimerFired(long started, int seq) =>
        Add(EventType.TimerFired, e => e.TimerFiredEventAttributes = new()
        {
            TimerId = seq.ToString(CultureInfo.InvariantCulture),
            StartedEventId = started,
        });

    /// <summary>
    /// Records that the last completed workflow task accepted an update. Core replays the update's
    /// handler in the task whose scheduled event the request was sequenced on, so that is the last one.
    /// </summary>
    internal long RecordUpdateAccepted(string update, string updateId, object?[] arguments) =>
        Add(EventType.WorkflowExecutionUpdateAccepted, e => e.WorkflowExecutionUpdateAcceptedEventAttributes = new()
        {
            ProtocolInstanceId = updateId,
            AcceptedRequestMessageId = updateId + "/request",
            AcceptedRequestSequencingEventId = openTaskScheduled,
            AcceptedRequest = new Temporalio.Api.Update.V1.Request
            {
                Meta = new Temporalio.Api.Update.V1.Meta { UpdateId = updateId, Identity = "operator" },
                Input = new Temporalio.Api.Update.V1.Input { Name = update, Args = Payloads(arguments) },
            },
        });

    /// <summary>Records that an accepted update's handler returned nothing, or threw <paramref name="failure"/>, which fails the update alone.</summary>
    internal void RecordUpdateCompleted(long accepted, ApiFailure? failure = null)
    {
        var updateId = events[(int)accepted - 1].WorkflowExecutionUpdateAcceptedEventAttributes.ProtocolInstanceId;
        var outcome = failure is null
            ? new Temporalio.Api.Update.V1.Outcome { Success = Payloads(new object?[] { null }) }
            : new Temporalio.Api.Update.V1.Outcome { Failure = failure };
        Add(EventType.WorkflowExecutionUpdateCompleted, e => e.WorkflowExecutionUpdateCompletedEventAttributes = new()
        {
            AcceptedEventId = accepted,
            Meta = new Temporalio.Api.Update.V1.Meta { UpdateId = updateId },
            Outcome = outcome,
        });
    }

    /// <summary>Records a client's cancel request, with no workflow task after it.</summary>
    internal void RecordCancelRequested() =>
        Add(EventType.WorkflowExecutionCancelRequested, e => e.WorkflowExecutionCancelRequestedEventAttributes = new() { Cause = "requested by the scenario" });

    /// <summary>Records that the last workflow task asked to cancel a running activity; returns the request's event id.</summary>
    internal long RecordActivityCancelRequested(long scheduled) =>
        Add(EventType.ActivityTaskCancelRequested, e => e.ActivityTaskCancelRequestedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });

    /// <summary>A copy that goes on independently: the events so far are shared, never changed.</summary>
    internal WorkflowHistoryBuilder Fork() => new(this);

    /// <summary>Creates the history.</summary>
    /// <returns>The history, ready for <c>WorkflowReplayer</c>.</returns>
    public WorkflowHistory Build() => new(workflowId, events.ToArray());

    private static TimeoutType ToApi(ActivityTimeout timeout) => timeout switch
    {
        ActivityTimeout.StartToClose => TimeoutType.StartToClose,
        ActivityTimeout.ScheduleToClose => TimeoutType.ScheduleToClose,
        ActivityTimeout.ScheduleToStart => TimeoutType.ScheduleToStart,
        ActivityTimeout.Heartbeat => TimeoutType.Heartbeat,
        _ => throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "Unknown activity timeout."),
    };

    private long Started(long scheduled, int attempt) =>
        Add(EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduled, Attempt = Math.Max(1, attempt) });

    private Payloads Payloads(params object?[] values)
    {
        var payloads = new Payloads();
        foreach (var value in values)
        {
            payloads.Payloads_.Add(converter.PayloadConverter.ToPayload(value));
        }

        return payloads;
    }

    /// <summary>Takes back the last task's completion: the reset run's history stops at that task's start.</summary>
    private void ReopenLastWorkflowTask()
    {
        var completion = events[events.Count - 1].WorkflowTaskCompletedEventAttributes;
        events.RemoveAt(events.Count - 1);
        openTaskScheduled = completion.ScheduledEventId;
        openTaskStarted = completion.StartedEventId;
        firstTask = completion.SdkMetadata?.CoreUsedFlags.Count > 0;
        lastWorkflowTaskCompleted = events.LastOrDefault(e => e.EventType == EventType.WorkflowTaskCompleted)?.EventId ?? 0;
    }

    private long Add(EventType type, Action<HistoryEvent> fill)
    {
        clock = clock.AddMilliseconds(10);
        var historyEvent = new HistoryEvent { EventId = events.Count + 1, EventType = type, EventTime = Timestamp.FromDateTime(clock) };
        fill(historyEvent);
        events.Add(historyEvent);
        return historyEvent.EventId;
    }
}
