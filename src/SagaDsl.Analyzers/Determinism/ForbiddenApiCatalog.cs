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
    private const string ContinueOnContext = "include ConfigureAwaitOptions.ContinueOnCapturedContext in the options";
    private const string Dataflow = "Workflow.RunTaskAsync tasks joined with Workflow.WhenAllAsync, or a Temporalio.Workflows.Mutex around shared state";
    private const string Setting = "pass the setting in the workflow's input, or read it in an activity: the worker that replays may have another";
    private const string Logger = "write with Workflow.Logger, which does not write again when the workflow replays";
    private const string Culture = "use CultureInfo.InvariantCulture, or a culture named in the workflow's input";
    private const string TimeZone = "use a time zone named in the workflow's input (look it up in an activity)";
    private const string StableHash = "a hash of fixed algorithm, such as SHA256.HashData over the UTF-8 bytes: these hash codes are seeded per process";
    private const string SequentialLinq = "plain LINQ (the workflow runs on one thread), or Workflow.WhenAllAsync over " + "Workflow.RunTaskAsync tasks";

    public static readonly IReadOnlyDictionary<string, ForbiddenApi[]> Types = new Dictionary<string, ForbiddenApi[]>
    {
        ["System.DateTime"] = new[]
        {
            new ForbiddenApi("Now", D.WallClock, LocalNow, DeterminismFix.UtcNow),
            new ForbiddenApi("UtcNow", D.WallClock, UtcNow, DeterminismFix.UtcNow),
            new ForbiddenApi("Today", D.WallClock, UtcNow + ".Date", UtcToday),
            new ForbiddenApi("ToLocalTime", D.OutsideWorld, TimeZone),
        },
        ["System.DateTimeOffset"] = new[]
        {
            new ForbiddenApi("Now", D.WallClock, "new DateTimeOffset(" + UtcNow + ")"),
            new ForbiddenApi("UtcNow", D.WallClock, "new DateTimeOffset(" + UtcNow + ")"),
            new ForbiddenApi("ToLocalTime", D.OutsideWorld, TimeZone),
        },
        // The worker's machine: its time zone, culture, operating system, threads and memory are no part
        // of the workflow's history, and differ between the worker that ran it and the one replaying it.
        ["System.TimeZoneInfo"] = new[] { new ForbiddenApi("Local", D.OutsideWorld, TimeZone) },
        ["System.Globalization.CultureInfo"] = new[]
        {
            new ForbiddenApi("CurrentCulture", D.OutsideWorld, Culture),
            new ForbiddenApi("CurrentUICulture", D.OutsideWorld, Culture),
            new ForbiddenApi("DefaultThreadCurrentCulture", D.OutsideWorld, Culture),
            new ForbiddenApi("DefaultThreadCurrentUICulture", D.OutsideWorld, Culture),
        },
        ["System.Runtime.InteropServices.RuntimeInformation"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.AppDomain"] = new[] { new ForbiddenApi("GetAssemblies", D.OutsideWorld, Activity) },
        ["System.GC"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.String"] = new[] { new ForbiddenApi("GetHashCode", D.Randomness, StableHash) },
        ["System.StringComparer"] = new[] { new ForbiddenApi("GetHashCode", D.Randomness, StableHash) },
        ["System.HashCode"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.Randomness, StableHash) },
        // Every parallel query starts with AsParallel; what follows it is the same query, reported once.
        ["System.Linq.ParallelEnumerable"] = new[] { new ForbiddenApi("AsParallel", D.ThreadPool, SequentialLinq) },
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
            new ForbiddenApi("OSVersion", D.OutsideWorld, Activity),
            new ForbiddenApi("GetFolderPath", D.OutsideWorld, Activity),
            new ForbiddenApi("SystemDirectory", D.OutsideWorld, Activity),
            new ForbiddenApi("GetLogicalDrives", D.OutsideWorld, Activity),
            new ForbiddenApi("UserDomainName", D.OutsideWorld, Activity),
            new ForbiddenApi("CurrentManagedThreadId", D.OutsideWorld, Activity),
            new ForbiddenApi("WorkingSet", D.OutsideWorld, Activity),
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
            new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, ContinueOnContext, condition: OptionsLeaveTheContext),
            new ForbiddenApi("WaitAsync", D.TimeoutCancellation, "Workflow.WaitConditionAsync with a timeout", condition: HasTimeoutParameter),
            new ForbiddenApi("Wait", D.BlockingWait, Await),
            new ForbiddenApi("WaitAll", D.BlockingWait, Await),
            new ForbiddenApi("WaitAny", D.BlockingWait, Await),
        },
        ["System.Threading.Tasks.Task`1"] = new[]
        {
            new ForbiddenApi("Result", D.BlockingWait, Await),
            new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, "remove ConfigureAwait(false)", DropConfigureAwait, FirstArgumentIsFalse),
            new ForbiddenApi("ConfigureAwait", D.ConfigureAwaitFalse, ContinueOnContext, condition: OptionsLeaveTheContext),
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
            new ForbiddenApi("CurrentThread", D.OutsideWorld, Activity),
        },
        ["System.Threading.ThreadPool"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.ThreadPool, RunTask) },
        // Dataflow blocks run their delegates and pass messages on with tasks of the scheduler in their options, the thread pool's by default.
        ["System.Threading.Tasks.Dataflow.ActionBlock`1"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.BatchBlock`1"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.BatchedJoinBlock`2"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.BatchedJoinBlock`3"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.BroadcastBlock`1"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.BufferBlock`1"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.JoinBlock`2"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.JoinBlock`3"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.TransformBlock`2"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.TransformManyBlock`2"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
        ["System.Threading.Tasks.Dataflow.WriteOnceBlock`1"] = new[] { new ForbiddenApi(ForbiddenApi.Constructor, D.ThreadPool, Dataflow) },
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
        // Clients of stores and services: the ADO.NET base types cover every database provider's connection,
        // command and reader; the cloud SDKs' clients are listed by name.
        ["System.Data.Common.DbConnection"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Data.Common.DbCommand"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Data.Common.DbDataReader"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Data.Common.DbDataSource"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Net.Mail.SmtpClient"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Net.HttpListener"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.Compression.ZipFile"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.IO.Compression.ZipFileExtensions"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Formats.Tar.TarFile"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["System.Runtime.InteropServices.PosixSignalRegistration"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Activity) },
        ["Microsoft.Extensions.Configuration.IConfiguration"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["Microsoft.Extensions.Configuration.IConfigurationSection"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["Microsoft.Extensions.Configuration.IConfigurationRoot"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["Microsoft.Extensions.Configuration.ConfigurationBinder"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["Microsoft.Extensions.Configuration.ConfigurationExtensions"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["Microsoft.Extensions.Options.IOptions`1"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["Microsoft.Extensions.Options.IOptionsSnapshot`1"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["Microsoft.Extensions.Options.IOptionsMonitor`1"] = new[] { new ForbiddenApi(ForbiddenApi.AnyMember, D.OutsideWorld, Setting) },
        ["System.Console"] = new[]
        {
            // Output is written again on every replay; Workflow.Logger knows when the workflow replays.
            new ForbiddenApi("Write", D.OutsideWorld, Logger),
            new ForbiddenApi("WriteLine", D.OutsideWorld, Logger),
            new ForbiddenApi("Out", D.OutsideWorld, Logger),
            new ForbiddenApi("Error", D.OutsideWorld, Logger),
            new ForbiddenApi("OpenStandardOutput", D.OutsideWorld, Logger),
            new ForbiddenApi("OpenStandardError", D.OutsideWorld, Logger),
            new ForbiddenApi("SetOut", D.OutsideWorld, Logger),
            new ForbiddenApi("SetError", D.OutsideWorld, Logger),
            new ForbiddenApi("CancelKeyPress", D.OutsideWorld, Activity),
            new ForbiddenApi("Read", D.OutsideWorld, Activity),
            new ForbiddenApi("ReadLine", D.OutsideWorld, Activity),
            new ForbiddenApi("ReadKey", D.OutsideWorld, Activity),
            new ForbiddenApi("In", D.OutsideWorld, Activity),
            new ForbiddenApi("OpenStandardInput", D.OutsideWorld, Activity),
            new ForbiddenApi("KeyAvailable", D.OutsideWorld, Activity),
        },
    };

    /// <summary>Namespaces whose every type talks to the outside world.</summary>
    public static readonly IReadOnlyList<string> OutsideWorldNamespaces = new[] { "System.Net.Sockets", "System.IO.Pipes", "System.Net.NetworkInformation", "System.IO.MemoryMappedFiles" };

    /// <summary>
    /// Cloud, database and messaging client libraries: every type in these namespaces and those below them
    /// talks to a service, so a client type a new version adds is caught without an entry. Namespaces named
    /// <c>Models</c> or <c>Model</c> hold the data those clients return, and are left alone.
    /// </summary>
    public static readonly IReadOnlyList<string> ClientLibraryNamespaces = new[]
    {
        "Azure.Storage", "Azure.Data.Tables", "Azure.Data.AppConfiguration", "Azure.Messaging", "Azure.Security.KeyVault", "Azure.Search.Documents",
        "Microsoft.Azure.Cosmos", "Microsoft.Azure.ServiceBus", "Microsoft.Data.SqlClient", "System.Data.SqlClient", "Microsoft.Data.Sqlite",
        "Microsoft.EntityFrameworkCore", "Npgsql", "MySqlConnector", "MySql.Data", "Oracle.ManagedDataAccess", "MongoDB.Driver", "StackExchange.Redis",
        "Dapper", "Elastic.Clients.Elasticsearch", "Confluent.Kafka", "RabbitMQ.Client", "Google.Cloud", "Amazon.S3", "Amazon.DynamoDBv2", "Amazon.SQS",
        "Amazon.SimpleNotificationService", "Amazon.SimpleEmail", "Amazon.SecretsManager",
    };

    public const string ActivityReplacement = Activity;

    /// <summary>
    /// Collections that enumerate in the order of their items' hash codes, which differ between processes
    /// (string hash codes are seeded per process, default object hash codes are assigned per run).
    /// Dictionary and HashSet enumerate in the order items were added, and are not among them.
    /// </summary>
    public static readonly IReadOnlyList<string> HashOrderedCollections = new[]
    {
        "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Hashtable",
        "System.Collections.Immutable.ImmutableDictionary`2",
        "System.Collections.Immutable.ImmutableHashSet`1",
    };

    public const string OwnOrder = "an order of your own: OrderBy a key, or a Dictionary, HashSet or SortedDictionary, which do not enumerate in hash order";
}
