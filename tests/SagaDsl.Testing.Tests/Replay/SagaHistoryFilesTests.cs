using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using global::OrderSaga;
using SagaDsl.Testing.Tests.Snapshots;
using SagaDsl.Testing.Replay;
using SagaDsl.Testing.Scenarios;
using Temporalio.Api.Enums.V1;
using Temporalio.Common;
using Xunit;
using OrderSagaHistory = SagaDsl.Tests.Shared.OrderSagaHistory;

namespace SagaDsl.Testing.Tests.Replay;

/// <summary>
/// Replaying a folder of histories against the current workflow: every file and every in-flight point
/// of it, a change that breaks them found at the point it breaks, and nothing passing by accident.
/// </summary>
public sealed class SagaHistoryFilesTests
{
    private static readonly SagaScenario Order = SagaScenario.For(OrderSagaWorkflow.Definition)
        .WithInput(OrderSagaHistory.Order)
        .Step(nameof(global::OrderSaga.OrderSaga.ReserveInventory)).Returns(OrderSagaHistory.HeldStock)
        .Step(nameof(global::OrderSaga.OrderSaga.ProcessPayment)).Returns(OrderSagaHistory.Charge);

    [Fact]
    public async Task Every_file_replays_whole_and_at_each_point_an_execution_could_be_in_flight()
    {
        using var folder = new SnapshotFolder();
        var history = await CompletedHistoryAsync();
        folder.Write("completed.json", history.ToJson());

        var report = await SagaHistoryFiles.ReplayAsync(OrderSagaWorkflow.Definition, folder.Path);

        report.EnsureAllReplayed();
        var tasks = history.Events.Count(historyEvent => historyEvent.EventType == EventType.WorkflowTaskCompleted);
        Assert.Equal(tasks, report.Results.Count);   // the last task completes the workflow: no point after it
        Assert.Equal("completed", report.Results.Single(result => !result.InFlight).Ending);
        Assert.All(report.Results.Where(result => result.InFlight), result => Assert.Equal("running", result.Ending));
    }

    [Fact]
    public async Task A_changed_activity_fails_the_history_at_the_point_it_diverges_and_not_before()
    {
        using var folder = new SnapshotFolder();
        var history = await CompletedHistoryAsync();
        var scheduled = history.Events.First(historyEvent => historyEvent.ActivityTaskScheduledEventAttributes?.ActivityType.Name == "OrderSaga.ProcessPayment");
        scheduled.ActivityTaskScheduledEventAttributes.ActivityType.Name = "OrderSaga.CheckFraud";
        folder.Write("changed.json", history.ToJson());

        var report = await SagaHistoryFiles.ReplayAsync(OrderSagaWorkflow.Definition, folder.Path);

        var failure = Assert.Throws<HistoryReplayException>(report.EnsureAllReplayed);
        Assert.Contains("changed.json (", failure.Message, StringComparison.Ordinal);
        Assert.All(report.Results, result => Assert.Equal(result.Events < scheduled.EventId, result.Replayed));
        Assert.Contains(report.Failures, result => !result.InFlight && result.Failure!.Contains("CheckFraud", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Files_that_are_not_this_sagas_histories_fail_instead_of_passing_unread()
    {
        using var folder = new SnapshotFolder();
        folder.Write("notes.json", "{ \"text\": \"not a history\" }");
        folder.Write("other.json", (await CompletedHistoryAsync()).ToJson().Replace("\"OrderSaga\"", "\"RefundSaga\"", StringComparison.Ordinal));

        var report = await SagaHistoryFiles.ReplayAsync(OrderSagaWorkflow.Definition, folder.Path, new HistoryReplayOptions { EveryInFlightPoint = false });

        Assert.Equal(new[] { "notes.json", "other.json" }, report.Failures.Select(result => result.File));
        Assert.Contains("a history of workflow type 'RefundSaga', not 'OrderSaga'", report.Failures[1].Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_folder_is_a_failure_not_a_pass()
    {
        using var folder = new SnapshotFolder();
        Directory.CreateDirectory(folder.Path);

        var report = await SagaHistoryFiles.ReplayAsync(OrderSagaWorkflow.Definition, folder.Path);

        var failure = Assert.Throws<HistoryReplayException>(report.EnsureAllReplayed);
        Assert.Contains("no history files", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<WorkflowHistory> CompletedHistoryAsync()
    {
        var result = await Order.RunAsync();
        result.EnsureVerified();
        return result.History;
    }
}
