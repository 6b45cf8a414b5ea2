using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

public class WallClockTests
{
    [Fact]
    public Task Clock_reads_in_workflow_code_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Reminder
            {
                private readonly DateTime createdAt = {|SAGA101:DateTime.Now|};

                [WorkflowRun]
                public Task<DateTime> RunAsync()
                {
                    var today = {|SAGA101:DateTime.Today|};
                    var offset = {|SAGA101:DateTimeOffset.UtcNow|};
                    var watch = {|SAGA101:System.Diagnostics.Stopwatch.StartNew()|};
                    var ticks = {|SAGA101:Environment.TickCount64|};
                    var read = {|SAGA101:TimeProvider.System.GetUtcNow()|};
                    var stamp = {|SAGA101:TimeProvider.System.GetTimestamp()|};
                    return Task.FromResult({|SAGA101:DateTime.UtcNow|});
                }

                [WorkflowQuery]
                public DateTime Now => {|SAGA101:DateTime.UtcNow|};
            }
            """);
    }

    [Fact]
    public Task Look_alikes_of_the_clock_are_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Reminder
            {
                [WorkflowRun]
                public Task<string> RunAsync()
                {
                    var parsed = DateTime.Parse("2026-01-01", System.Globalization.CultureInfo.InvariantCulture);
                    var made = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
                    var min = DateTime.MinValue;
                    var now = Workflow.UtcNow;
                    // DateTime.UtcNow in a comment is only text.
                    return Task.FromResult(nameof(DateTime.UtcNow) + "DateTime.Now" + parsed + made + min + now);
                }
            }
            """);
    }

    [Fact]
    public Task A_provider_of_the_workflows_own_time_is_not_a_clock_read()
    {
        return VerifyAsync("""
            public sealed class WorkflowClock : TimeProvider
            {
                public override DateTimeOffset GetUtcNow() => new(Workflow.UtcNow);
            }

            [Workflow]
            public class Reminder
            {
                [WorkflowRun]
                public Task<DateTimeOffset> RunAsync() => Task.FromResult(new WorkflowClock().GetUtcNow());
            }
            """);
    }

    [Fact]
    public Task The_clock_in_an_activity_or_a_plain_class_is_not_reported()
    {
        return VerifyAsync("""
            public class Activities
            {
                [Activity]
                public DateTime Stamp() => DateTime.UtcNow;
            }

            public class Report
            {
                public DateTime Stamp() => DateTime.UtcNow;
            }
            """);
    }
}
