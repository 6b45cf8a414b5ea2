using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.WorkflowShapeVerifier;

namespace SagaDsl.Analyzers.Tests.Shapes;

/// <summary>
/// What the Temporal .NET SDK rejects only when a worker registers a workflow, reported at compile time:
/// SAGA201 for the run method and init constructor, SAGA202 for signal, query and update handlers.
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
}
