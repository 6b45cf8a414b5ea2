using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.WorkflowShapeFixVerifier;

namespace SagaDsl.Analyzers.Tests.Shapes;

/// <summary>The SAGA202 fixes: a signal returns Task, a query returns its value; what needs judgement is left.</summary>
public class WorkflowShapeCodeFixTests
{
    [Fact]
    public Task A_signal_returning_nothing_returns_a_task_and_its_early_returns_a_completed_one()
    {
        return VerifyFixAsync("""
            [Workflow]
            public class Orders
            {
                private bool paused;

                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                [WorkflowSignal]
                public void {|SAGA202:Pause|}(bool value)
                {
                    if (paused == value)
                    {
                        return;
                    }

                    paused = value;
                }

                [WorkflowSignal]
                public void {|SAGA202:Resume|}() => paused = false;

                [WorkflowSignal]
                public async void {|SAGA202:Nudge|}() => await Task.CompletedTask;
            }
            """, """
            [Workflow]
            public class Orders
            {
                private bool paused;

                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                [WorkflowSignal]
                public Task Pause(bool value)
                {
                    if (paused == value)
                    {
                        return Task.CompletedTask;
                    }

                    paused = value;
                    return Task.CompletedTask;
                }

                [WorkflowSignal]
                public Task Resume()
                {
                    paused = false;
                    return Task.CompletedTask;
                }

                [WorkflowSignal]
                public async Task Nudge() => await Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public Task A_query_returning_a_task_returns_its_value_unless_it_awaits()
    {
        return VerifyFixAsync("""
            [Workflow]
            public class Orders
            {
                private string phase = "running";

                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                [WorkflowQuery]
                public Task<string> {|SAGA202:Phase|}() => Task.FromResult(phase);

                [WorkflowQuery]
                public Task<int> {|SAGA202:Count|}(bool all)
                {
                    if (all)
                    {
                        return Task.FromResult<int>(2);
                    }

                    return Task.FromResult(1);
                }

                #pragma warning disable CS1998
                [WorkflowQuery]
                public async Task<string> {|SAGA202:Upper|}() => phase.ToUpperInvariant();
                #pragma warning restore CS1998

                [WorkflowQuery]
                public async Task<string> {|SAGA202:Slow|}()
                {
                    await Task.Yield();
                    return phase;
                }
            }
            """, """
            [Workflow]
            public class Orders
            {
                private string phase = "running";

                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                [WorkflowQuery]
                public string Phase() => phase;

                [WorkflowQuery]
                public int Count(bool all)
                {
                    if (all)
                    {
                        return 2;
                    }

                    return 1;
                }

                #pragma warning disable CS1998
                [WorkflowQuery]
                public string Upper() => phase.ToUpperInvariant();
                #pragma warning restore CS1998

                [WorkflowQuery]
                public async Task<string> {|SAGA202:Slow|}()
                {
                    await Task.Yield();
                    return phase;
                }
            }
            """);
    }
}
