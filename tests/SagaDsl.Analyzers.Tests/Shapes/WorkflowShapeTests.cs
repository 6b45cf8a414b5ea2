using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.WorkflowShapeVerifier;

namespace SagaDsl.Analyzers.Tests.Shapes;

/// <summary>
/// What the Temporal .NET SDK rejects only when a worker registers a workflow, reported at compile time:
/// SAGA201 for the run method and init constructor, SAGA202 for signal, query and update handlers;
/// and two shapes it accepts that never work: SAGA203 for a cancellation token among the arguments,
/// SAGA204 for a run method that loops forever without continuing as new.
/// </summary>
public class WorkflowShapeTests
{
    [Fact]
    public Task SAGA202_handlers_the_sdk_rejects_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Orders
            {
                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                [WorkflowSignal]
                public Task<int> {|SAGA202:Cancel|}() => Task.FromResult(1);

                [WorkflowSignal]
                public static Task {|SAGA202:Pause|}() => Task.CompletedTask;

                [WorkflowQuery]
                public Task<string> {|SAGA202:Status|}() => Task.FromResult("running");

                [WorkflowQuery]
                public void {|SAGA202:Touch|}() { }

                [WorkflowQuery]
                public string {|SAGA202:Phase|} { private get; set; } = "x";

                [WorkflowUpdate]
                public void {|SAGA202:Approve|}() { }

                [WorkflowUpdate]
                internal Task {|SAGA202:Reject|}() => Task.CompletedTask;

                [WorkflowUpdateValidator(nameof(Approve))]
                private void {|SAGA202:ValidateApprove|}() { }
            }
            """);
    }

    [Fact]
    public Task SAGA201_a_missing_run_method_is_reported_on_the_class()
    {
        return VerifyAsync("""
            [Workflow]
            public class {|SAGA201:Orders|}
            {
                public Task RunAsync() => Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public Task SAGA201_a_second_run_method_one_returning_no_task_and_an_init_constructor_that_does_not_match_are_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Orders
            {
                [WorkflowRun]
                public Task RunAsync() => Task.CompletedTask;

                [WorkflowRun]
                public Task {|SAGA201:RunAgainAsync|}() => Task.CompletedTask;
            }

            [Workflow]
            public class Refunds
            {
                [WorkflowRun]
                public void {|SAGA201:Run|}() { }
            }

            [Workflow]
            public class Shipments
            {
                [WorkflowInit]
                public Shipments(string id, int count) { }

                [WorkflowRun]
                public Task {|SAGA201:RunAsync|}(string id) => Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public Task A_workflow_of_every_handler_kind_written_as_the_sdk_wants_is_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Orders
            {
                private string phase = "running";

                [WorkflowInit]
                public Orders(string id) { }

                [WorkflowRun]
                public async Task<string> RunAsync(string id)
                {
                    await Workflow.WaitConditionAsync(() => phase == "done");
                    return id;
                }

                [WorkflowSignal]
                public Task CancelAsync() => Task.CompletedTask;

                [WorkflowSignal(Dynamic = true)]
                public Task AnyAsync(string name, Temporalio.Converters.IRawValue[] arguments) => Task.CompletedTask;

                [WorkflowQuery]
                public string Phase => phase;

                [WorkflowQuery]
                public int Count() => 1;

                [WorkflowUpdate]
                public Task<int> ApproveAsync(int amount) => Task.FromResult(amount);

                [WorkflowUpdateValidator(nameof(ApproveAsync))]
                public void ValidateApprove(int amount) { }

                public static string Helper() => "x";
            }
            """);
    }

    [Fact]
    public Task SAGA203_a_cancellation_token_parameter_of_the_run_method_or_a_handler_is_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Orders
            {
                [WorkflowRun]
                public Task RunAsync(string id, CancellationToken {|SAGA203:cancellation|} = default) => Task.CompletedTask;

                [WorkflowSignal]
                public Task PauseAsync(CancellationToken {|SAGA203:token|}) => Task.CompletedTask;

                [WorkflowUpdate]
                public Task<int> ApproveAsync(int amount, CancellationToken {|SAGA203:token|}) => Task.FromResult(amount);
            }
            """);
    }

    [Fact]
    public Task SAGA203_the_workflows_own_token_and_tokens_of_helpers_and_activities_are_not_reported()
    {
        return VerifyAsync("""
            public class Shipping
            {
                [Activity]
                public Task ShipAsync(string id, CancellationToken token) => Task.CompletedTask;
            }

            [Workflow]
            public class Orders
            {
                [WorkflowRun]
                public async Task RunAsync(string id)
                {
                    await WaitAsync(Workflow.CancellationToken);
                }

                private static Task WaitAsync(CancellationToken token) => Workflow.DelayAsync(TimeSpan.FromMinutes(1), token);
            }
            """);
    }

    [Fact]
    public Task SAGA204_a_run_method_that_waits_in_an_endless_loop_with_no_way_out_is_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Loyalty
            {
                private readonly Queue<int> purchases = new();

                [WorkflowRun]
                public async Task RunAsync()
                {
                    {|SAGA204:while|} (true)
                    {
                        await Workflow.WaitConditionAsync(() => purchases.Count > 0);
                        switch (purchases.Dequeue())
                        {
                            case 0:
                                break;
                        }

                        for (var i = 0; i < 3; i++)
                        {
                            break;
                        }

                        Func<int> leave = () => throw new InvalidOperationException();
                    }
                }
            }

            [Workflow]
            public class Billing
            {
                [WorkflowRun]
                public async Task RunAsync()
                {
                    {|SAGA204:for|} (;;)
                    {
                        await Workflow.DelayAsync(TimeSpan.FromDays(30));
                    }
                }
            }
            """);
    }

    [Fact]
    public Task SAGA204_loops_that_continue_as_new_end_or_never_wait_are_not_reported()
    {
        return VerifyAsync("""
            [Workflow]
            public class Entity
            {
                private readonly Queue<int> work = new();
                private bool done;

                [WorkflowRun]
                public async Task RunAsync(int handled)
                {
                    while (true)
                    {
                        await Workflow.WaitConditionAsync(() => work.Count > 0 || Workflow.ContinueAsNewSuggested);
                        if (Workflow.ContinueAsNewSuggested)
                        {
                            throw Workflow.CreateContinueAsNewException((Entity wf) => wf.RunAsync(handled));
                        }

                        handled += work.Dequeue();
                    }
                }
            }

            [Workflow]
            public class Ends
            {
                private bool done;

                [WorkflowRun]
                public async Task RunAsync()
                {
                    while (true)
                    {
                        await Workflow.WaitConditionAsync(() => done);
                        if (done)
                        {
                            break;
                        }
                    }

                    while (!done)
                    {
                        await Workflow.DelayAsync(TimeSpan.FromDays(1));
                    }

                    do
                    {
                        await Workflow.DelayAsync(TimeSpan.FromDays(1));
                        CheckpointIfNeeded();
                    }
                    while (true);
                }

                private static void CheckpointIfNeeded()
                {
                    if (Workflow.ContinueAsNewSuggested)
                    {
                        throw Workflow.CreateContinueAsNewException((Ends wf) => wf.RunAsync());
                    }
                }
            }
            """);
    }
}
