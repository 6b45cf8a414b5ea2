using System;
using System.Collections.Generic;

namespace SagaDsl.Testing.Exploration.Driving;

/// <summary>
/// What one replay of a history prefix showed: everything the workflow did while replaying, in
/// order, and how its last, open task ended. Written by <see cref="TaskRecorder"/>, read by the explorer.
/// </summary>
internal sealed class TaskObservation
{
    private readonly List<ObservedCommand> commands = new();
    private readonly Dictionary<int, object?> decodedResults = new();

    public TaskObservation(int prefixLength) => PrefixLength = prefixLength;

    /// <summary>
    /// Gets the history length of the prefix's open task: the id of its last workflow task's started
    /// event, which the workflow sees while that task runs (the task that accepted an update is
    /// completed, and the accepted event follows it).
    /// </summary>
    public int PrefixLength { get; }

    /// <summary>Gets or sets the workflow object the replay created, to read its state at the end of each task.</summary>
    public object? Workflow { get; set; }

    /// <summary>Gets or sets what a generated saga's <c>Status</c> query answered at the end of the open task.</summary>
    public SagaDsl.Runtime.SagaStatus? Status { get; set; }

    public IReadOnlyList<ObservedCommand> Commands => commands;

    /// <summary>Gets the values the workflow decoded from activity results, by activity sequence number.</summary>
    public IReadOnlyDictionary<int, object?> DecodedResults => decodedResults;

    public object? DecodedInput { get; set; }

    public WorkflowEnd? End { get; set; }

    /// <summary>Gets or sets why the replayer rejected the history: a nondeterminism error.</summary>
    public Exception? ReplayFailure { get; set; }

    /// <summary>Gets or sets what failed a workflow task during the replay.</summary>
    public Exception? TaskFailure { get; set; }

    public void Add(ObservedCommand command)
    {
        lock (commands)
        {
            commands.Add(command);
        }
    }

    public void Decoded(int seq, object? value)
    {
        lock (decodedResults)
        {
            decodedResults[seq] = value;
        }
    }
}
