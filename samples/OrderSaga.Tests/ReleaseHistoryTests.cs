using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Testing.Replay;
using Xunit;

namespace OrderSaga.Tests;

/// <summary>
/// Upgrading SagaDsl or editing the saga is a deploy: executions started by the previous release must
/// still replay on the new code. Histories/0.1.0 holds the history of every scenario of release 0.1.0's
/// generated OrderSaga (written with <c>OrderSaga --export-histories</c>); each replays against today's
/// workflow whole, and at every point an execution could be in flight.
/// </summary>
public sealed class ReleaseHistoryTests
{
    [Fact]
    public async Task Executions_started_under_release_0_1_0_replay_on_the_current_workflow()
    {
        var report = await SagaHistoryFiles.ReplayAsync(OrderSagaWorkflow.Definition, "Histories/0.1.0");

        report.EnsureAllReplayed();
        Assert.Equal(11, report.Results.Count(result => !result.InFlight));
        Assert.Contains(report.Results, result => result.InFlight);
    }
}
