using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>SAGA103 thread pool, SAGA104 system timers, SAGA105 task combinators.</summary>
public class SchedulingTests
{
    [Fact]
    public Task Work_started_outside_the_workflow_scheduler_is_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Crunch
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    await {|SAGA103:Task.Run(() => Compute())|};
                    {|SAGA103:Task.Run(() => { })|}.GetAwaiter();
                    await {|SAGA103:Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default)|};
                    await {|SAGA103:Task.CompletedTask.ContinueWith(_ => { }, TaskScheduler.Default)|};
                    await {|SAGA103:Task.FromResult(1).ContinueWith(done => done.IsCompleted, TaskScheduler.Default)|};
                    var pooled = {|SAGA103:new TaskFactory(TaskScheduler.Default)|};
                    var started = new Task(() => { });
                    {|SAGA103:started.Start(TaskScheduler.Default)|};
                    var thread = {|SAGA103:new Thread(() => { })|};
                    {|SAGA103:thread.Start()|};
                    {|SAGA103:ThreadPool.QueueUserWorkItem(_ => { })|};
                    {|SAGA103:Parallel.For(0, 3, _ => { })|};
                }

                private static Task<int> Compute() => Task.FromResult(1);
            }
            """);
    }

    [Fact]
    public Task Work_started_on_the_workflow_scheduler_is_not_reported()
    {
        // The SDK's README: "use Task.Factory.StartNew with current scheduler or instantiate the Task
        // and run Task.Start on it"; both, and ContinueWith, default to TaskScheduler.Current.
        return VerifyAsync("""
            [Workflow]
            public class Crunch
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    await Task.Factory.StartNew(() => { });
                    await Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Current);
                    await new TaskFactory(TaskScheduler.Current).StartNew(() => { });
                    var started = new Task(() => { });
                    started.Start();
                    await started;
                    var again = new Task(() => { });
                    again.Start(TaskScheduler.Current);
                    await again;
                    await Task.CompletedTask.ContinueWith(_ => { });
                    await Task.FromResult(1).ContinueWith(done => done.IsCompleted, TaskScheduler.Current);
                    // The antecedent has completed when its continuation runs: its Result does not block.
                    var doubled = await Task.FromResult(2).ContinueWith(done => done.Result * 2);
                }
            }
            """);
    }

    [Fact]
    public Task Waits_on_system_timers_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Sleeper
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    await {|SAGA104:Task.Delay(TimeSpan.FromSeconds(1))|};
                    {|SAGA104:Thread.Sleep(10)|};
                    using var timer = {|SAGA104:new Timer(_ => { }, null, 0, 10)|};
                    using var periodic = {|SAGA104:new PeriodicTimer(TimeSpan.FromSeconds(1))|};
                    using var ticking = {|SAGA104:TimeProvider.System.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(1))|};
                }
            }
            """);
    }

    [Fact]
    public Task Task_combinators_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class FanOut
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    var first = Workflow.DelayAsync(10);
                    var second = Workflow.DelayAsync(20);
                    await {|SAGA105:Task.WhenAny(first, second)|};
                    await {|SAGA105:Task.WhenAll(new[] { first, second })|};
                }
            }
            """);
    }

    [Fact]
    public Task Workflow_scheduling_apis_are_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class FanOut
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    var first = Workflow.RunTaskAsync(() => Workflow.DelayAsync(TimeSpan.FromSeconds(1)));
                    var second = Workflow.DelayAsync(20);
                    await Workflow.WhenAnyAsync(first, second);
                    await Workflow.WhenAllAsync(first, second);
                    await Task.CompletedTask;
                    await Task.FromResult(1);
                }
            }
            """);
    }
}
