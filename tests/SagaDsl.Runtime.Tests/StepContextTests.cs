using System;
using System.Threading.Tasks;
using Temporalio.Converters;
using Temporalio.Testing;
using Xunit;

namespace SagaDsl.Runtime.Tests;

/// <summary>Resuming from the previous attempt's heartbeat, inside a real activity context and in one made for tests.</summary>
public class StepContextTests
{
    [Fact]
    public async Task A_first_attempt_resumes_from_the_default_and_reading_a_missing_detail_says_why()
    {
        var environment = new ActivityEnvironment();

        var (resumed, refused) = await environment.RunAsync(async () =>
        {
            var context = StepContext.FromCurrentActivity("CopySaga.Copy", "key");
            return (await context.GetLastHeartbeatOrDefaultAsync(7), await Record.ExceptionAsync(() => context.GetLastHeartbeatAsync<int>()));
        });

        Assert.Equal(7, resumed);
        var missing = Assert.IsType<InvalidOperationException>(refused);
        Assert.Contains("CopySaga.Copy has no heartbeat detail 0 to resume from on attempt 1", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_resumes_from_each_detail_its_previous_attempt_heartbeated()
    {
        var converter = DataConverter.Default.PayloadConverter;
        var environment = new ActivityEnvironment
        {
            Info = ActivityEnvironment.DefaultInfo with { Attempt = 2, HeartbeatDetails = new[] { converter.ToPayload(41), converter.ToPayload("chunk-9") } },
        };

        var (count, chunk, absent) = await environment.RunAsync(async () =>
        {
            var context = StepContext.FromCurrentActivity("CopySaga.Copy", "key");
            return (await context.GetLastHeartbeatAsync<int>(), await context.GetLastHeartbeatOrDefaultAsync("none", 1), await context.GetLastHeartbeatOrDefaultAsync("none", 2));
        });

        Assert.Equal((41, "chunk-9", "none"), (count, chunk, absent));
    }

    [Fact]
    public async Task A_context_made_for_tests_behaves_like_the_activity_one()
    {
        var first = new StepContext("CopySaga.Copy", "key");
        var retry = new StepContext("CopySaga.Copy", "key", attempt: 2, lastHeartbeatDetails: new object?[] { 41 });

        Assert.Equal(7, await first.GetLastHeartbeatOrDefaultAsync(7));
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.GetLastHeartbeatAsync<int>());
        Assert.Equal(41, await retry.GetLastHeartbeatAsync<int>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => retry.GetLastHeartbeatAsync<int>(-1));
    }
}
