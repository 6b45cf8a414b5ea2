using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// Every rule, reached two calls deep through a recursive helper: reported once, at the call in
/// the workflow, with the whole chain.
/// </summary>
public class EveryRuleThroughHelpersTests
{
    [Theory]
    [InlineData("SAGA101", "_ = DateTime.UtcNow;", "DateTime.UtcNow", "Workflow.UtcNow")]
    [InlineData("SAGA102", "_ = Guid.NewGuid();", "Guid.NewGuid", "Workflow.NewGuid()")]
    [InlineData("SAGA103", "_ = Task.Run(() => Task.CompletedTask);", "Task.Run", "Workflow.RunTaskAsync")]
    [InlineData("SAGA104", "Thread.Sleep(1);", "Thread.Sleep", "Workflow.DelayAsync")]
    [InlineData("SAGA105", "_ = Task.WhenAll(Task.CompletedTask);", "Task.WhenAll", "Workflow.WhenAllAsync")]
    [InlineData("SAGA106", "_ = Task.CompletedTask.ConfigureAwait(false);", "Task.ConfigureAwait", "remove ConfigureAwait(false)")]
    [InlineData("SAGA107", "new CancellationTokenSource().CancelAfter(5);", "CancellationTokenSource.CancelAfter", "Workflow.DelayAsync and then Cancel(), or Workflow.WaitConditionAsync with a timeout")]
    [InlineData("SAGA108", "using var gate = new SemaphoreSlim(1);", "new SemaphoreSlim", "Temporalio.Workflows.Semaphore")]
    [InlineData("SAGA109", "Task.CompletedTask.Wait();", "Task.Wait", "await the task instead")]
    [InlineData("SAGA110", "Action later = async () => await Task.Yield(); later();", "async lambda", "pass a Func<Task> instead")]
    [InlineData("SAGA111", "_ = Environment.GetEnvironmentVariable(\"HOME\");", "Environment.GetEnvironmentVariable", "move it into an activity")]
    [InlineData("SAGA112", "Counter.Value++;", "Counter.Value", "keep state in fields of the workflow instance")]
    public Task A_use_behind_a_recursive_helper_is_reported_at_the_call(string rule, string use, string api, string replacement)
    {
        return VerifyAsync($$"""
            public static class Counter
            {
                public static int Value;
            }

            public static class Outer
            {
                public static void Visit(int depth)
                {
                    if (depth > 0)
                    {
                        Visit(depth - 1);
                    }

                    Inner.Use();
                }
            }

            public static class Inner
            {
                public static void Use()
                {
                    {{use}}
                }
            }

            [Workflow]
            public class Walker
            {
                [WorkflowRun]
                public Task RunAsync()
                {
                    {|#0:Outer.Visit(3)|};
                    return Task.CompletedTask;
                }
            }
            """,
            Diagnostic(rule).WithLocation(0).WithArguments("Outer.Visit → Inner.Use → " + api, replacement));
    }
}
