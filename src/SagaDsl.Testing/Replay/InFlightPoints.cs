using System.Collections.Generic;
using System.Linq;
using Google.Protobuf;
using Temporalio.Api.Enums.V1;
using Temporalio.Api.History.V1;
using Temporalio.Common;

namespace SagaDsl.Testing.Replay;

/// <summary>
/// A history as the server held it after each of its workflow tasks: the events up to the task's
/// completion and those its commands wrote in the same step (an activity scheduled, a timer started,
/// a marker, an update accepted). Each is an execution in flight at that point, which a new version
/// of the workflow meets when it is deployed there.
/// </summary>
internal static class InFlightPoints
{
    private const string TaskCompletedField = "workflow_task_completed_event_id";

    public static IEnumerable<WorkflowHistory> Of(WorkflowHistory history)
    {
        var events = history.Events.ToList();
        for (var index = 0; index < events.Count; index++)
        {
            if (events[index].EventType != EventType.WorkflowTaskCompleted)
            {
                continue;
            }

            var end = index + 1;
            while (end < events.Count && WrittenBy(events[end], events[index].EventId))
            {
                end++;
            }

            if (end < events.Count)
            {
                yield return new WorkflowHistory(history.Id, events.Take(end).ToList());
            }
        }
    }

    private static bool WrittenBy(HistoryEvent historyEvent, long taskCompletedEventId)
    {
        if (historyEvent.EventType is EventType.WorkflowExecutionUpdateAccepted or EventType.WorkflowExecutionUpdateCompleted)
        {
            return true;
        }

        var attributes = HistoryEvent.Descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(historyEvent) is { } field
            ? field.Accessor.GetValue(historyEvent) as IMessage
            : null;
        return attributes?.Descriptor.FindFieldByName(TaskCompletedField) is { } completedBy
            && completedBy.Accessor.GetValue(attributes) is long id
            && id == taskCompletedEventId;
    }
}
