using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SagaDsl.Diagnostics;

namespace SagaDsl.Analyzers.Diagnostics;

/// <summary>
/// The workflow determinism rules. The first argument of every message is what was used, written
/// as the call chain when the use is inside a helper (<c>CalcDeadline → Clock.Now → DateTime.UtcNow</c>).
/// Warnings by default; each can be raised, lowered or silenced in .editorconfig.
/// </summary>
internal static class DeterminismDiagnostics
{
    private const string Category = "Temporal.Determinism";

    public static readonly DiagnosticDescriptor WallClock = Rule(
        RuleIds.WallClock, "Workflow code reads the machine clock", "{0} reads the machine clock, which differs on replay; use {1}");

    public static readonly DiagnosticDescriptor Randomness = Rule(
        RuleIds.Randomness, "Workflow code uses randomness", "{0} is different on every replay; use {1}");

    public static readonly DiagnosticDescriptor ThreadPool = Rule(
        RuleIds.ThreadPool, "Workflow code runs work outside the workflow scheduler", "{0} runs work outside the workflow scheduler, on a thread or scheduler whose order replay cannot reproduce; use {1}");

    public static readonly DiagnosticDescriptor SystemTimer = Rule(
        RuleIds.SystemTimer, "Workflow code waits on a system timer", "{0} waits on a system timer that replay does not see; use {1}");

    public static readonly DiagnosticDescriptor TaskCombinator = Rule(
        RuleIds.TaskCombinator, "Workflow code combines tasks with Task.WhenAny or Task.WhenAll", "{0} is not guaranteed to be deterministic in workflows; use {1}");

    public static readonly DiagnosticDescriptor ConfigureAwaitFalse = Rule(
        RuleIds.ConfigureAwaitFalse, "Workflow code leaves the workflow scheduler with ConfigureAwait(false)", "{0} continues on the thread pool instead of the workflow scheduler; {1}");

    public static readonly DiagnosticDescriptor TimeoutCancellation = Rule(
        RuleIds.TimeoutCancellation, "Workflow code cancels on a system timer", "{0} cancels on a system timer or off the workflow scheduler; use {1}");

    public static readonly DiagnosticDescriptor ThreadSynchronization = Rule(
        RuleIds.ThreadSynchronization, "Workflow code uses a thread synchronization primitive", "{0} is a thread synchronization primitive: its waits block the workflow thread or resume off the workflow scheduler; use {1}");

    public static readonly DiagnosticDescriptor BlockingWait = Rule(
        RuleIds.BlockingWait, "Workflow code blocks on a task", "{0} blocks the workflow thread, which deadlocks the workflow; {1}");

    public static readonly DiagnosticDescriptor AsyncVoid = Rule(
        RuleIds.AsyncVoid, "Workflow code is async void", "{0} is async void: its continuations and exceptions escape the workflow; {1}");

    public static readonly DiagnosticDescriptor OutsideWorld = Rule(
        RuleIds.OutsideWorld, "Workflow code talks to the outside world", "{0} reads or changes the world outside the workflow, which differs on replay; {1}");

    public static readonly DiagnosticDescriptor MutableStatic = Rule(
        RuleIds.MutableStatic, "Workflow code uses mutable static state", "{0} is mutable static state shared by every workflow run on the worker; {1}");

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        WallClock, Randomness, ThreadPool, SystemTimer, TaskCombinator, ConfigureAwaitFalse,
        TimeoutCancellation, ThreadSynchronization, BlockingWait, AsyncVoid, OutsideWorld, MutableStatic);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(static descriptor => descriptor.Id);

    public static DiagnosticDescriptor Find(string id) => ById[id];

    private static DiagnosticDescriptor Rule(string id, string title, string message) =>
        Rules.Create(id, title, message, Category, DiagnosticSeverity.Warning);
}
