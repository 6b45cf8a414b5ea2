using System.ComponentModel;

namespace SagaDsl.Runtime;

/// <summary>
/// Registered in a service collection by the generated <c>Add{Saga}Workers()</c> beside the hosted
/// worker it adds for a task queue, so the next saga on that queue joins that worker: the Temporal
/// hosting extensions refuse a second hosted worker for one queue.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SharedSagaWorker
{
    /// <summary>Initializes a new instance of the <see cref="SharedSagaWorker"/> class.</summary>
    /// <param name="taskQueue">The task queue whose hosted worker the sagas share.</param>
    public SharedSagaWorker(string taskQueue) => TaskQueue = taskQueue;

    /// <summary>Gets the task queue whose hosted worker the sagas share.</summary>
    public string TaskQueue { get; }
}
