using System.Collections.Generic;
using SagaDsl.Analyzers.Diagnostics;
using static SagaDsl.Analyzers.Determinism.DeterminismFix;
using static SagaDsl.Analyzers.Determinism.UseCondition;
using D = SagaDsl.Analyzers.Diagnostics.DeterminismDiagnostics;

namespace SagaDsl.Analyzers.Determinism;

/// <summary>
/// The .NET APIs that break deterministic replay, by type metadata name, each with the Temporal
/// replacement the message names. Types listed whole (<c>*</c>) are forbidden in any use.
/// Namespaces listed whole forbid every type in them.
/// </summary>
internal static class ForbiddenApiCatalog
{
    private const string UtcNow = "Workflow.UtcNow";
    private const string LocalNow = UtcNow + " (UTC: convert with an explicit time zone if local time is meant)";
    private const string Elapsed = "differences of " + UtcNow;
    private const string RunTask = "Workflow.RunTaskAsync";
    private const string Delay = "Workflow.DelayAsync";
    private const string Activity = "move it into an activity";
    private const string Await = "await the task instead";
    private const string TimerCancel = "Workflow.DelayAsync and then Cancel(), or Workflow.WaitConditionAsync with a timeout";

    public static readonly IReadOnlyDictionary<string, ForbiddenApi[]> Types = new Dictionary<string, ForbiddenApi[]>
    {
        ["System.DateTime"] = new[]
        {
            new ForbiddenApi("Now", D.WallClock, LocalNow, DeterminismFix.UtcNow),
            new ForbiddenApi("UtcNow", D.WallClock, UtcNow, DeterminismFix.UtcNow),
            new ForbiddenApi("Today", D.WallClock, UtcNow + ".Date", UtcToday),
        },
        ["System.DateTimeOffset"] = new[]
        {
            new ForbiddenApi("Now", D.WallClock, "new DateTimeOffset(" + UtcNow + ")"),
            new ForbiddenApi("UtcNow", D.WallClock, "new DateTimeOffset(" + UtcNow + ")"),
        },
        ["System.Diagnostics.Stopwatch"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.WallClock, Elapsed) },
        ["System.Environment"] = new[]
        {
            new ForbiddenApi("TickCount", D.WallClock, UtcNow),
            new ForbiddenApi("TickCount64", D.WallClock, UtcNow),
            new ForbiddenApi("GetEnvironmentVariable", D.OutsideWorld, Activity),
            new ForbiddenApi("GetEnvironmentVariables", D.OutsideWorld, Activity),
            new ForbiddenApi("SetEnvironmentVariable", D.OutsideWorld, Activity),
            new ForbiddenApi("ExpandEnvironmentVariables", D.OutsideWorld, Activity),
            new ForbiddenApi("MachineName", D.OutsideWorld, Activity),
            new ForbiddenApi("UserName", D.OutsideWorld, Activity),
            new ForbiddenApi("CurrentDirectory", D.OutsideWorld, Activity),
            new ForbiddenApi("ProcessId", D.OutsideWorld, Activity),
            new ForbiddenApi("ProcessorCount", D.OutsideWorld, Activity),
            new ForbiddenApi("GetCommandLineArgs", D.OutsideWorld, Activity),
        },
        // What a provider does decides the rule: reading it is a clock read, a timer from it is a system
        // timer. TimeProvider.System on its own reads nothing; the uses below, and the APIs that take it,
        // are reported where the clock is read.
        ["System.TimeProvider"] = new[]
        {
            new ForbiddenApi("GetUtcNow", D.WallClock, UtcNow),
            new ForbiddenApi("GetLocalNow", D.WallClock, LocalNow),
            new ForbiddenApi("GetTimestamp", D.WallClock, Elapsed),
            new ForbiddenApi("GetElapsedTime", D.WallClock, Elapsed),
            new ForbiddenApi("CreateTimer", D.SystemTimer, Delay + " in a loop"),
            new ForbiddenApi("LocalTimeZone", D.OutsideWorld, Activity),
        },
        ["System.Guid"] = new[]
        {
            new ForbiddenApi("NewGuid", D.Randomness, "Workflow.NewGuid()", NewGuid),
            new ForbiddenApi("CreateVersion7", D.Randomness, "Workflow.NewGuid()"),
        },
        ["System.Random"] = new[]
        {
            // A seeded Random replays the same numbers; only the time-seeded one is forbidden.
            new ForbiddenApi(ForbiddenApi.Constructor, D.Randomness, "Workflow.Random", WorkflowRandom, NoArguments),
            new ForbiddenApi("Shared", D.Randomness, "Workflow.Random", WorkflowRandom),
        },
        ["System.Security.Cryptography.RandomNumberGenerator"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.Randomness, "Workflow.Random") },
        ["System.Threading.Tasks.Task"] = new[]
        {
            new ForbiddenApi("Run", D.ThreadPool, RunTask, RunTaskAsync, TakesTaskFactory),
            new ForbiddenApi("Run", D.ThreadPool, RunTask),
            // Start() and ContinueWith run on TaskScheduler.Current, the workflow's scheduler, unless given another.
            new ForbiddenApi("Start", D.ThreadPool, RunTask, condition: TakesAnotherScheduler),
            new ForbiddenApi("ContinueWith", D.ThreadPool, RunTask, condition: TakesAnotherScheduler),
            new ForbiddenApi("Delay", D.SystemTimer, Delay, DelayAsync),
            new ForbiddenApi("WhenAny", D.TaskCombinator, "Workflow.WhenAnyAsync", WhenAnyAsync),
            new ForbiddenApi("WhenAll", D.TaskCombinator, "Workflow.WhenAllAsync", WhenAllAsync),
            new ForbiddenApi("WhenEach", D.TaskCombinator, "Workflow.WhenAnyAsync in a loop"),
            new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, "remove ConfigureAwait(false)", DropConfigureAwait, FirstArgumentIsFalse),
            new ForbiddenApi("WaitAsync", D.TimeoutCancellation, "Workflow.WaitConditionAsync with a timeout", condition: HasTimeoutParameter),
            new ForbiddenApi("Wait", D.BlockingWait, Await),
            new ForbiddenApi("WaitAll", D.BlockingWait, Await),
            new ForbiddenApi("WaitAny", D.BlockingWait, Await),
        },
        ["System.Threading.Tasks.Task`1"] = new[]
        {
            new ForbiddenApi("Result", D.BlockingWait, Await),
            new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, "remove ConfigureAwait(false)", DropConfigureAwait, FirstArgumentIsFalse),
            new ForbiddenApi("WaitAsync", D.TimeoutCancellation, "Workflow.WaitConditionAsync with a timeout", condition: HasTimeoutParameter),
            new ForbiddenApi("ContinueWith", D.ThreadPool, RunTask, condition: TakesAnotherScheduler),
        },
        ["System.Threading.Tasks.ValueTask"] = new[] { new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, "remove ConfigureAwait(false)", DropConfigureAwait, FirstArgumentIsFalse) },
        ["System.Threading.Tasks.ValueTask`1"] = new[]
        {
            new ForbiddenApi("Result", D.BlockingWait, Await),
            new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, "remove ConfigureAwait(false)", DropConfigureAwait, FirstArgumentIsFalse),
        },
        ["System.Threading.Tasks.TaskAsyncEnumerableExtensions"] = new[] { new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, "remove ConfigureAwait(false)", DropConfigureAwait, FirstArgumentIsFalse) },
        ["System.Runtime.CompilerServices.TaskAwaiter"] = new[] { new ForbiddenApi("GetResult", D.BlockingWait, Await) },
        ["System.Runtime.CompilerServices.TaskAwaiter`1"] = new[] { new ForbiddenApi("GetResult", D.BlockingWait, Await) },
        ["System.Runtime.CompilerServices.ValueTaskAwaiter"] = new[] { new ForbiddenApi("GetResult", D.BlockingWait, Await) },
        ["System.Runtime.CompilerServices.ValueTaskAwaiter`1"] = new[] { new ForbiddenApi("GetResult", D.BlockingWait, Await) },
        // Task.Factory starts work on TaskScheduler.Current (the SDK's README recommends it); a factory or a
        // call given another scheduler does not.
        ["System.Threading.Tasks.TaskFactory"] = new[]
        {
            new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, RunTask, condition: TakesAnotherScheduler),
            new ForbiddenApi("StartNew", D.ThreadPool, RunTask, condition: TakesAnotherScheduler),
        },
        ["System.Threading.Tasks.TaskFactory`1"] = new[]
        {
            new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, RunTask, condition: TakesAnotherScheduler),
            new ForbiddenApi("StartNew", D.ThreadPool, RunTask, condition: TakesAnotherScheduler),
        },
        ["System.Threading.Tasks.Parallel"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadPool, "Workflow.WhenAllAsync over " + RunTask + " tasks") },
        ["System.Threading.Thread"] = new[]
        {
            new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, RunTask),
            new ForbiddenApi("Start", D.ThreadPool, RunTask),
            new ForbiddenApi("Sleep", D.SystemTimer, Delay),
        },
        ["System.Threading.ThreadPool"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadPool, RunTask) },
        ["System.Threading.Timer"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.SystemTimer, Delay + " in a loop") },
        ["System.Timers.Timer"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.SystemTimer, Delay + " in a loop") },
        ["System.Threading.PeriodicTimer"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.SystemTimer, Delay + " in a loop") },
        ["System.Threading.CancellationTokenSource"] = new[]
        {
            new ForbiddenApi(ForbiddenApi.Constructor, D.TimeoutCancellation, TimerCancel, condition: WithArguments),
            new ForbiddenApi("CancelAfter", D.TimeoutCancellation, TimerCancel),
            new ForbiddenApi("CancelAsync", D.TimeoutCancellation, "Cancel()"),
        },
        ["System.Threading.Tasks.TimeProviderTaskExtensions"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.TimeoutCancellation, TimerCancel) },
        ["System.Threading.SemaphoreSlim"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Temporalio.Workflows.Semaphore") },
        ["System.Threading.Semaphore"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Temporalio.Workflows.Semaphore") },
        ["System.Threading.Mutex"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Temporalio.Workflows.Mutex") },
        ["System.Threading.WaitHandle"] = new[]
        {
            new ForbiddenApi("WaitAll", D.ThreadSynchronization, "Workflow.WaitConditionAsync"),
            new ForbiddenApi("WaitAny", D.ThreadSynchronization, "Workflow.WaitConditionAsync"),
            new ForbiddenApi("SignalAndWait", D.ThreadSynchronization, "Workflow.WaitConditionAsync"),
        },
        ["System.Threading.SpinWait"] = new[] { new ForbiddenApi("SpinUntil", D.ThreadSynchronization, "Workflow.WaitConditionAsync") },
        ["System.Threading.ManualResetEvent"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Workflow.WaitConditionAsync") },
        ["System.Threading.ManualResetEventSlim"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Workflow.WaitConditionAsync") },
        ["System.Threading.AutoResetEvent"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Workflow.WaitConditionAsync") },
        ["System.Threading.CountdownEvent"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Workflow.WaitConditionAsync") },
        ["System.Threading.Barrier"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Workflow.WaitConditionAsync") },
        ["System.Threading.ReaderWriterLockSlim"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadSynchronization, "Temporalio.Workflows.Mutex") },
        ["System.Threading.Monitor"] = new[]
        {
            new ForbiddenApi("Wait", D.ThreadSynchronization, "Workflow.WaitConditionAsync"),
            new ForbiddenApi("Pulse", D.ThreadSynchronization, "Workflow.WaitConditionAsync"),
            new ForbiddenApi("PulseAll", D.ThreadSynchronization, "Workflow.WaitConditionAsync"),
        },
        ["System.IO.File"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.Directory"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.FileInfo"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.DirectoryInfo"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.DriveInfo"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.FileStream"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.OutsideWorld, Activity) },
        ["System.IO.FileSystemWatcher"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.StreamReader"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.OutsideWorld, Activity, condition: FirstParameterIsString) },
        ["System.IO.StreamWriter"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.OutsideWorld, Activity, condition: FirstParameterIsString) },
        ["System.IO.Path"] = new[]
        {
            new ForbiddenApi("GetTempFileName", D.OutsideWorld, Activity),
            new ForbiddenApi("GetTempPath", D.OutsideWorld, Activity),
            new ForbiddenApi("GetFullPath", D.OutsideWorld, Activity),
            new ForbiddenApi("GetRandomFileName", D.Randomness, "Workflow.NewGuid()"),
        },
        ["System.Net.Http.HttpClient"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Net.Http.HttpMessageInvoker"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Net.Dns"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Net.WebClient"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Net.WebRequest"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Diagnostics.Process"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Console"] = new[]
        {
            new ForbiddenApi("Read", D.OutsideWorld, Activity),
            new ForbiddenApi("ReadLine", D.OutsideWorld, Activity),
            new ForbiddenApi("ReadKey", D.OutsideWorld, Activity),
            new ForbiddenApi("In", D.OutsideWorld, Activity),
            new ForbiddenApi("OpenStandardInput", D.OutsideWorld, Activity),
            new ForbiddenApi("KeyAvailable", D.OutsideWorld, Activity),
        },
    };

    /// <summary>Namespaces whose every type talks to the outside world.</summary>
    public static readonly IReadOnlyList<string> OutsideWorldNamespaces = new[] { "System.Net.Sockets", "System.IO.Pipes", "System.Net.NetworkInformation" };

    public const string ActivityReplacement = Activity;
}
