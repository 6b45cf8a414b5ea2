using System;
using System.Collections.Generic;
using System.Globalization;
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

    private readonly List<HistoryEvent> events = new();
    private readonly DataConverter converter;
    private readonly string workflowId;
    private DateTime clock = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private long lastWorkflowTaskCompleted;
    private int activitySequence;
    private bool firstTask = true;

    /// <summary>Initializes a new instance of the <see cref="WorkflowHistoryBuilder"/> class with a started workflow and its first task.</summary>
    /// <param name="workflowType">The workflow type name.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="taskQueue">The workflow's task queue.</param>
    /// <param name="firstExecutionRunId">The run id of the first execution, part of every idempotency key.</param>
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
    /// <param name="firstExecutionRunId">The run id of the first execution, part of every idempotency key.</param>
    /// <param name="input">The workflow's arguments.</param>
    public WorkflowHistoryBuilder(DataConverter converter, string workflowType, string workflowId, string taskQueue, string firstExecutionRunId, params object?[] input)
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
        WorkflowTask();
    }

    /// <summary>Gets the number of events written so far.</summary>
    public int Length => events.Count;

    /// <summary>Appends a completed workflow task (scheduled, started, completed): the workflow ran and sent its commands.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder WorkflowTask()
    {
        var scheduled = Add(EventType.WorkflowTaskScheduled, e => e.WorkflowTaskScheduledEventAttributes = new() { StartToCloseTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), Attempt = 1 });
        var started = Add(EventType.WorkflowTaskStarted, e => e.WorkflowTaskStartedEventAttributes = new() { ScheduledEventId = scheduled });
        var completed = new WorkflowTaskCompletedEventAttributes { ScheduledEventId = scheduled, StartedEventId = started };
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
    public long Schedule(string activityType, string taskQueue)
    {
        var id = (++activitySequence).ToString(CultureInfo.InvariantCulture);
        return Add(EventType.ActivityTaskScheduled, e => e.ActivityTaskScheduledEventAttributes = new()
        {
            ActivityId = id,
            ActivityType = new ActivityType { Name = activityType },
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = taskQueue },
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
    }

    /// <summary>The activity returned <paramref name="result"/> (<c>null</c> for one that returns nothing); a workflow task follows.</summary>
    /// <param name="scheduled">The scheduled event's id.</param>
    /// <param name="result">The activity's result.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder Complete(long scheduled, object? result)
    {
        var started = Started(scheduled, attempt: 1);
        Add(EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Result = Payloads(result),
        });
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
        var started = Started(scheduled, attempts);
        var failure = converter.FailureConverter.ToFailure(
            new ApplicationFailureException(message, errorType, nonRetryable: nonRetryable),
            converter.PayloadConverter);
        Add(EventType.ActivityTaskFailed, e => e.ActivityTaskFailedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Failure = failure,
            RetryState = nonRetryable ? RetryState.NonRetryableFailure : RetryState.MaximumAttemptsReached,
        });
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
            RetryState = timeout is ActivityTimeout.ScheduleToClose or ActivityTimeout.ScheduleToStart ? RetryState.Timeout : RetryState.MaximumAttemptsReached,
        });
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

    /// <summary>A client asked to cancel the workflow; a workflow task follows.</summary>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder CancelRequested()
    {
        Add(EventType.WorkflowExecutionCancelRequested, e => e.WorkflowExecutionCancelRequestedEventAttributes = new() { Cause = "requested by the scenario" });
        return WorkflowTask();
    }

    /// <summary>The last workflow task asked to cancel a running activity.</summary>
    /// <param name="scheduled">The scheduled event's id.</param>
    /// <returns>This builder.</returns>
    public WorkflowHistoryBuilder ActivityCancelRequested(long scheduled)
    {
        Add(EventType.ActivityTaskCancelRequested, e => e.ActivityTaskCancelRequestedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
        return this;
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
    public WorkflowHistoryBuilder EndsFailed()
    {
        Add(EventType.WorkflowExecutionFailed, e => e.WorkflowExecutionFailedEventAttributes = new()
        {
            Failure = new ApiFailure { Message = "saga failed" },
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

    private long Add(EventType type, Action<HistoryEvent> fill)
    {
        clock = clock.AddMilliseconds(10);
        var historyEvent = new HistoryEvent { EventId = events.Count + 1, EventType = type, EventTime = Timestamp.FromDateTime(clock) };
        fill(historyEvent);
        events.Add(historyEvent);
        return historyEvent.EventId;
    }
}
