using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Google.Protobuf;
using SagaDsl.Runtime;
using SagaDsl.Testing.Snapshots;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;
using Temporalio.Converters;
using Temporalio.Worker;

namespace SagaDsl.Testing.Replay;

/// <summary>
/// The replay test Temporal recommends before every deploy, in one call: every history in a folder
/// (exported with <c>temporal workflow show --output json</c>, from the UI, or written by
/// <c>WorkflowHistory.ToJson()</c>) replayed against the saga's current workflow, so a change that
/// would break executions already running fails a test instead of production.
/// </summary>
public static class SagaHistoryFiles
{
    /// <summary>Replays every <c>*.json</c> history under <paramref name="folder"/> against the saga's workflow.</summary>
    /// <param name="definition">The saga, from <c>{Saga}Workflow.Definition</c>.</param>
    /// <param name="folder">The folder, absolute or relative to the calling test's source file; subfolders are included.</param>
    /// <param name="options">In-flight points (on by default), or another workflow class.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <returns>One result per file and in-flight point; <see cref="HistoryFilesReport.EnsureAllReplayed"/> asserts them.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Task<HistoryFilesReport> ReplayAsync(
        SagaDefinition definition,
        string folder,
        HistoryReplayOptions? options = null,
        CancellationToken cancellationToken = default,
        [CallerFilePath] string callerFilePath = "")
    {
        var path = TestSourceLocation.Resolve(folder ?? throw new ArgumentNullException(nameof(folder)), callerFilePath, Assembly.GetCallingAssembly());
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The history folder '{path}' does not exist.");
        }

        return ReplayFolderAsync(definition ?? throw new ArgumentNullException(nameof(definition)), path, options ?? HistoryReplayOptions.Default, cancellationToken);
    }

    private static async Task<HistoryFilesReport> ReplayFolderAsync(SagaDefinition definition, string folder, HistoryReplayOptions options, CancellationToken cancellationToken)
    {
        var results = new List<HistoryFileResult>();
        var replays = new List<(string File, WorkflowHistory History, bool InFlight)>();
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).OrderBy(name => name, StringComparer.Ordinal))
        {
            var name = ProjectSources.Relative(folder, file);
            var (history, unreadable) = Read(file, definition);
            if (history is null)
            {
                results.Add(new HistoryFileResult(name, 0, InFlight: false, "unreadable", unreadable));
                continue;
            }

            replays.Add((name, history, false));
            if (options.EveryInFlightPoint)
            {
                replays.AddRange(InFlightPoints.Of(history).Select(point => (name, point, true)));
            }
        }

        var replayerOptions = new WorkflowReplayerOptions { DataConverter = options.DataConverter ?? DataConverter.Default }
            .AddWorkflow(options.Workflow ?? definition.Workflow);
        var replayer = new WorkflowReplayer(replayerOptions);
        var verdicts = (await replayer.ReplayWorkflowsAsync(replays.Select(replay => replay.History), throwOnReplayFailure: false, cancellationToken).ConfigureAwait(false)).ToList();
        results.AddRange(replays.Select((replay, index) => new HistoryFileResult(
            replay.File,
            replay.History.Events.Count,
            replay.InFlight,
            Ending(replay.History),
            verdicts[index].ReplayFailure?.Message)));
        return new HistoryFilesReport(
            folder,
            definition.WorkflowType,
            results.OrderBy(result => result.File, StringComparer.Ordinal).ThenBy(result => result.InFlight).ThenBy(result => result.Events).ToList());
    }

    /// <summary>The file's history if it is one of this saga's workflow; else why it is not.</summary>
    private static (WorkflowHistory? History, string? Failure) Read(string file, SagaDefinition definition)
    {
        WorkflowHistory history;
        try
        {
            history = WorkflowHistory.FromJson(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
        }
        catch (Exception exception) when (exception is ArgumentException or System.Text.Json.JsonException or InvalidProtocolBufferException or InvalidJsonException)
        {
            return (null, "not a workflow history: " + exception.Message);
        }

        var started = history.Events.FirstOrDefault()?.WorkflowExecutionStartedEventAttributes;
        return started is null
            ? (null, "the history does not begin with WorkflowExecutionStarted")
            : started.WorkflowType.Name != definition.WorkflowType
                ? (null, $"a history of workflow type '{started.WorkflowType.Name}', not '{definition.WorkflowType}'")
                : (history, null);
    }

    private static string Ending(WorkflowHistory history) =>
        history.Events.LastOrDefault()?.EventType switch
        {
            EventType.WorkflowExecutionCompleted => "completed",
            EventType.WorkflowExecutionFailed => "failed",
            EventType.WorkflowExecutionCanceled => "cancelled",
            EventType.WorkflowExecutionTerminated => "terminated",
            EventType.WorkflowExecutionTimedOut => "timed out",
            EventType.WorkflowExecutionContinuedAsNew => "continued as new",
            _ => "running",
        };
}
