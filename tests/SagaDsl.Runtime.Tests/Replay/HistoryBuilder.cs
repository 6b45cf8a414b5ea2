using System;
using System.Collections.Generic;
using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Api.Sdk.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Exceptions;

namespace SagaDsl.Runtime.Tests.Replay;

/// <summary>
/// Writes the event history a correct workflow run produces, one workflow task at a time, so the
/// real SDK core can replay a workflow against it without a server.
/// </summary>
internal sealed class HistoryBuilder
{
    // Core only compares scheduled activities with the history (type and id) when the history
    // says it used these flags; without them a workflow calling the wrong activity replays green.
    private static readonly uint[] CoreFlags = { 1, 2, 3 };

    private readonly List<HistoryEvent> events = new();
    private readonly DataConverter converter = DataConverter.Default;
    private readonly string workflowId;
    private DateTime clock = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private long lastWorkflowTaskCompleted;
    private int activitySequence;
    private bool firstTask = true;

    public HistoryBuilder(string workflowType, string workflowId, string taskQueue, string firstExecutionRunId, params object?[] input)
    {
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

    /// <summary>Appends a completed workflow task (scheduled, started, completed).</summary>
    public HistoryBuilder WorkflowTask()
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

    /// <summary>The last workflow task scheduled an activity; returns its scheduled event id.</summary>
    public long Schedule(string activityType, string taskQueue)
    {
        var id = (++activitySequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Add(EventType.ActivityTaskScheduled, e => e.ActivityTaskScheduledEventAttributes = new()
        {
            ActivityId = id,
            ActivityType = new ActivityType { Name = activityType },
            TaskQueue = new Temporalio.Api.TaskQueue.V1.TaskQueue { Name = taskQueue },
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
    }

    /// <summary>The activity returned <paramref name="result"/> (null for a void activity); a workflow task follows.</summary>
    public HistoryBuilder Complete(long scheduled, object? result)
    {
        var started = Started(scheduled);
        Add(EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Result = Payloads(result),
        });
        return WorkflowTask();
    }

    /// <summary>The activity failed for good with an application error; a workflow task follows.</summary>
    public HistoryBuilder Fail(long scheduled, string errorType, string message)
    {
        var started = Started(scheduled);
        var failure = converter.FailureConverter.ToFailure(
            new ApplicationFailureException(message, errorType, nonRetryable: true),
            converter.PayloadConverter);
        Add(EventType.ActivityTaskFailed, e => e.ActivityTaskFailedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Failure = failure,
            RetryState = RetryState.NonRetryableFailure,
        });
        return WorkflowTask();
    }

    /// <summary>Schedules an activity in the last workflow task and completes it.</summary>
    public HistoryBuilder Completes(string activityType, string taskQueue, object? result = null) =>
        Complete(Schedule(activityType, taskQueue), result);

    /// <summary>Schedules an activity in the last workflow task and fails it.</summary>
    public HistoryBuilder Fails(string activityType, string taskQueue, string errorType, string message) =>
        Fail(Schedule(activityType, taskQueue), errorType, message);

    /// <summary>The last workflow task upserted search attributes.</summary>
    public HistoryBuilder UpsertedSearchAttributes()
    {
        Add(EventType.UpsertWorkflowSearchAttributes, e => e.UpsertWorkflowSearchAttributesEventAttributes = new()
        {
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
            SearchAttributes = new SearchAttributes(),
        });
        return this;
    }

    /// <summary>A client asked to cancel the workflow; a workflow task follows.</summary>
    public HistoryBuilder CancelRequested()
    {
        Add(EventType.WorkflowExecutionCancelRequested, e => e.WorkflowExecutionCancelRequestedEventAttributes = new() { Cause = "test" });
        return WorkflowTask();
    }

    /// <summary>The last workflow task asked to cancel a running activity.</summary>
    public HistoryBuilder ActivityCancelRequested(long scheduled)
    {
        Add(EventType.ActivityTaskCancelRequested, e => e.ActivityTaskCancelRequestedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
        return this;
    }

    public HistoryBuilder EndsCompleted(object? result)
    {
        Add(EventType.WorkflowExecutionCompleted, e => e.WorkflowExecutionCompletedEventAttributes = new()
        {
            Result = Payloads(result),
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
        return this;
    }

    public HistoryBuilder EndsFailed()
    {
        Add(EventType.WorkflowExecutionFailed, e => e.WorkflowExecutionFailedEventAttributes = new()
        {
            Failure = new Temporalio.Api.Failure.V1.Failure { Message = "saga failed" },
            WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted,
        });
        return this;
    }

    public HistoryBuilder EndsCancelled()
    {
        Add(EventType.WorkflowExecutionCanceled, e => e.WorkflowExecutionCanceledEventAttributes = new() { WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted });
        return this;
    }

    public WorkflowHistory Build() => new(workflowId, events);

    private long Started(long scheduled) =>
        Add(EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduled, Attempt = 1 });

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
