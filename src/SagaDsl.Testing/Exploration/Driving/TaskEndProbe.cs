using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Temporalio.Common;

namespace SagaDsl.Testing.Exploration.Driving;

/// <summary>
/// Reads, from the SDK's workflow instance that raised the task-completed event, what the workflow
/// left behind when its task's code had run: its search attributes, the patches it found on, and the
/// history length of the task.
/// </summary>
/// <remarks>
/// The instance type is internal to the SDK, so its public properties are read by reflection; a
/// renamed property fails loudly here rather than letting an upsert go unnoticed.
/// </remarks>
internal static class TaskEndProbe
{
    // Read at the end of every replayed task of an exploration, from one replayer per core: the
    // properties are looked up once, and published as one reference so no thread sees half of them.
    private static Accessors? accessors;

    public static State Read(object instance)
    {
        var type = instance.GetType();
        var read = accessors is { } known && known.Type == type ? known : accessors = new Accessors(type);
        var attributes = (SearchAttributeCollection)read.Attributes.GetValue(instance)!;
        var length = (int)read.Length.GetValue(instance)!;
        // Read at the end of every replayed task; nearly every workflow has no patch, so nothing is allocated then.
        var memo = (IReadOnlyDictionary<string, bool>)read.Patches.GetValue(instance)!;
        IReadOnlyList<string> patches = memo.Count == 0 ? Array.Empty<string>() : memo.Where(pair => pair.Value).Select(pair => pair.Key).ToList();
        return new State(length, attributes.UntypedValues.ToDictionary(pair => pair.Key.Name, pair => pair.Value, StringComparer.Ordinal), patches);
    }

    // Workflow.Patched sends its marker command without any interceptor seeing it; the instance's
    // memo of patch decisions is the one place a patch that is on shows.
    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"The Temporal SDK's workflow instance has no {name} field; the explorer cannot see the patches a workflow turns on.");

    private static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
        ?? throw new InvalidOperationException($"The Temporal SDK's workflow instance has no {name} property; the explorer cannot see upserts that no command follows.");

    private sealed class Accessors
    {
        public Accessors(Type type)
        {
            Type = type;
            Attributes = Property(type, "TypedSearchAttributes");
            Length = Property(type, "CurrentHistoryLength");
            Patches = Field(type, "patchesMemoized");
        }

        public Type Type { get; }

        public PropertyInfo Attributes { get; }

        public PropertyInfo Length { get; }

        public FieldInfo Patches { get; }
    }

    /// <summary>The workflow's state at the end of a task.</summary>
    /// <param name="HistoryLength">The history length of the task.</param>
    /// <param name="SearchAttributes">Its search attributes, name to value.</param>
    /// <param name="Patches">The patches <c>Workflow.Patched</c> has found on so far: recorded in the history, or turned on in this task.</param>
    public sealed record State(int HistoryLength, IReadOnlyDictionary<string, object> SearchAttributes, IReadOnlyList<string> Patches);
}
