using System;

namespace SagaDsl;

/// <summary>
/// Declares limits for one task queue the saga's activities run on; the generated worker options
/// for that queue apply them (for example a payment provider that allows few parallel calls).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SagaTaskQueueAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="SagaTaskQueueAttribute"/> class.</summary>
    /// <param name="name">The task queue.</param>
    public SagaTaskQueueAttribute(string name) => Name = name;

    /// <summary>Gets the task queue.</summary>
    public string Name { get; }

    /// <summary>Gets or sets how many activities one worker runs at once on this queue.</summary>
    public int MaxConcurrentActivities { get; set; }

    /// <summary>Gets or sets how many activities per second all workers of this queue start.</summary>
    public double MaxTaskQueueActivitiesPerSecond { get; set; }
}
