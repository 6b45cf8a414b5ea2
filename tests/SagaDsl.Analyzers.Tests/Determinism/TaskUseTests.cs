using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>SAGA106 ConfigureAwait(false), SAGA107 timer cancellation, SAGA109 blocking, SAGA110 async void.</summary>
public class TaskUseTests
{
    [Fact]
    public Task ConfigureAwait_false_is_reported_and_true_is_not()
    {
        return VerifyAsync("""
            [Workflow]
            public class Awaiter
            {
                [WorkflowRun]
                public async Task<int> RunAsync()
                {
                    await {|SAGA106:Workflow.DelayAsync(10).ConfigureAwait(false)|};
                    var value = await {|SAGA106:Task.FromResult(1).ConfigureAwait(false)|};
                    await Workflow.DelayAsync(10).ConfigureAwait(true);
                    return value;
                }
            }
            """);
    }

    [Fact]
    public Task Cancellation_on_a_timer_is_reported_and_plain_cancellation_is_not()
    {
        return VerifyAsync("""
            [Workflow]
            public class Deadline
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    using var timed = {|SAGA107:new CancellationTokenSource(TimeSpan.FromMinutes(1))|};
                    using var plain = new CancellationTokenSource();
                    {|SAGA107:plain.CancelAfter(100)|};
                    await {|SAGA107:plain.CancelAsync()|};
                    await {|SAGA107:Workflow.DelayAsync(10).WaitAsync(TimeSpan.FromSeconds(1))|};
                    plain.Cancel();
                    await Workflow.WaitConditionAsync(() => true, TimeSpan.FromMinutes(1));
                }
            }
            """);
    }

    [Fact]
    public Task Blocking_on_tasks_is_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Blocker
            {
                [WorkflowRun]
                public async Task<int> RunAsync()
                {
                    var task = Task.FromResult(1);
                    var a = {|SAGA109:task.Result|};
                    {|SAGA109:task.Wait()|};
                    var b = {|SAGA109:task.GetAwaiter().GetResult()|};
                    {|SAGA109:Task.WaitAll(task)|};
                    // Another task's Result inside a continuation still blocks; only the antecedent's does not.
                    var other = Task.FromResult(3);
                    var c = await task.ContinueWith(done => done.Result + {|SAGA109:other.Result|});
                    return a + b + c;
                }
            }
            """);
    }

    [Fact]
    public Task Awaiting_and_inspecting_tasks_is_not_blocking()
    {
        return VerifyAsync("""
            [Workflow]
            public class Awaiter
            {
                private Task<int>? pending;

                [WorkflowRun]
                public async Task<int> RunAsync()
                {
                    pending = Workflow.RunTaskAsync(() => Task.FromResult(2));
                    var done = pending.IsCompleted;
                    var value = await pending;
                    var awaiter = pending.GetAwaiter();
                    return done ? value : value + awaiter.GetHashCode();
                }
            }
            """);
    }

    [Fact]
    public Task Async_void_methods_and_lambdas_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Fire
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    Action later = {|SAGA110:async () => await Workflow.DelayAsync(10)|};
                    later();
                    return Task.CompletedTask;
                }

                [WorkflowSignal]
                public Task PingAsync() => Task.CompletedTask;

                private async void {|SAGA110:Forget|}() => await Workflow.DelayAsync(10);
            }
            """);
    }
}
