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

    /// <summary>Schedules an activity in the last workflow task and returns its scheduled event id.</summary>
    public long ScheduleActivity(string activityType, string taskQueue)
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

    /// <summary>The activity ran and returned <paramref name="result"/> (null for a void activity).</summary>
    public HistoryBuilder CompleteActivity(long scheduled, object? result)
    {
        var started = Add(EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduled, Attempt = 1 });
        Add(EventType.ActivityTaskCompleted, e => e.ActivityTaskCompletedEventAttributes = new()
        {
            ScheduledEventId = scheduled,
            StartedEventId = started,
            Result = Payloads(result),
        });
        return WorkflowTask();
    }

    /// <summary>The activity failed for good (retries exhausted or a non-retryable error).</summary>
    public HistoryBuilder FailActivity(long scheduled, string errorType, string message)
    {
        var started = Add(EventType.ActivityTaskStarted, e => e.ActivityTaskStartedEventAttributes = new() { ScheduledEventId = scheduled, Attempt = 1 });
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

    public HistoryBuilder CompleteWorkflow()
    {
        Add(EventType.WorkflowExecutionCompleted, e => e.WorkflowExecutionCompletedEventAttributes = new() { WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted });
        return this;
    }

    public HistoryBuilder FailWorkflow()
    {
        Add(EventType.WorkflowExecutionFailed, e => e.WorkflowExecutionFailedEventAttributes = new() { WorkflowTaskCompletedEventId = lastWorkflowTaskCompleted });
        return this;
    }

    public WorkflowHistory Build() => new(workflowId, events);

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
