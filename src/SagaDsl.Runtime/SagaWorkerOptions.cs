using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using Temporalio.Worker;

namespace SagaDsl.Runtime;

/// <summary>
/// Puts the workers of several sagas together. A task queue is served by one worker that runs every
/// workflow and activity any saga runs on it: two workers on one queue would each take tasks they
/// cannot run.
/// </summary>
public static class SagaWorkerOptions
{
    /// <summary>
    /// Adds a saga's options for one task queue to a list shared with other sagas: as they are when
    /// the list has no worker for the queue, otherwise merged into the one it has.
    /// </summary>
    /// <param name="workers">The workers' options, at most one per task queue.</param>
    /// <param name="options">One saga's options for one of its task queues.</param>
    /// <exception cref="ArgumentException">The list has a worker for the queue with another workflow or activity of the same name.</exception>
    public static void Merge(IList<TemporalWorkerOptions> workers, TemporalWorkerOptions options)
    {
        var existing = workers.FirstOrDefault(worker => worker.TaskQueue == options.TaskQueue);
        if (existing is null)
        {
            workers.Add(options);
            return;
        }

        foreach (var workflow in options.Workflows)
        {
            if (existing.Workflows.Any(other => other.Name == workflow.Name))
            {
                throw new ArgumentException($"Two sagas register workflow '{workflow.Name}' on task queue '{options.TaskQueue}'; add each saga once.", nameof(options));
            }

            existing.Workflows.Add(workflow);
        }

        foreach (var activity in options.Activities)
        {
            if (existing.Activities.Any(other => other.Name == activity.Name))
            {
                throw new ArgumentException($"Two sagas register activity '{activity.Name}' on task queue '{options.TaskQueue}'; add each saga once.", nameof(options));
            }

            existing.Activities.Add(activity);
        }

        Limit(existing, options.MaxConcurrentActivities ?? 0, options.MaxTaskQueueActivitiesPerSecond ?? 0);
    }

    /// <summary>
    /// Applies the limits a saga declares for a task queue with <c>[SagaTaskQueue]</c>. A queue's limits
    /// protect the service behind it, so where two sagas declare one, the tighter holds.
    /// </summary>
    /// <param name="options">The queue's worker.</param>
    /// <param name="maxConcurrentActivities">The most activities the worker runs at once; 0 leaves it.</param>
    /// <param name="maxTaskQueueActivitiesPerSecond">The most activities the server hands out per second on the queue; 0 leaves it.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Limit(TemporalWorkerOptions options, int maxConcurrentActivities, double maxTaskQueueActivitiesPerSecond)
    {
        if (maxConcurrentActivities > 0)
        {
            options.MaxConcurrentActivities = Math.Min(options.MaxConcurrentActivities ?? int.MaxValue, maxConcurrentActivities);
        }

        if (maxTaskQueueActivitiesPerSecond > 0)
        {
            options.MaxTaskQueueActivitiesPerSecond = Math.Min(options.MaxTaskQueueActivitiesPerSecond ?? double.MaxValue, maxTaskQueueActivitiesPerSecond);
        }
    }
}
