using System.Threading.Tasks;
using Xunit;
using static SagaDsl.Analyzers.Tests.Verifiers.DeterminismVerifier;

namespace SagaDsl.Analyzers.Tests.Determinism;

/// <summary>
/// The lambda that names an activity or child workflow is an expression tree: the SDK takes the method
/// from it, and compiles and runs each argument in the workflow to get its value. Those arguments are
/// workflow code; the named method is not, and neither is any other expression tree.
/// </summary>
public class ActivityArgumentTests
{
    [Fact]
    public Task Arguments_of_the_call_an_activity_lambda_names_run_in_the_workflow_and_are_reported()
    {
        return VerifyAsync("""
            public class Payments
            {
                [Activity]
                public Task Charge(string order, Guid key) => Task.CompletedTask;

                [Activity]
                public static Task Stamp(DateTime at) => Task.CompletedTask;
            }

            [Workflow]
            public class Billing
            {
                private static readonly ActivityOptions Options = new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) };

                [WorkflowRun]
                public async Task RunAsync(string order)
                {
                    await Workflow.ExecuteActivityAsync((Payments payments) => payments.Charge(order, {|SAGA102:Guid.NewGuid()|}), Options);
                    await Workflow.ExecuteActivityAsync(() => Payments.Stamp({|SAGA101:DateTime.UtcNow|}), Options);
                    await Workflow.ExecuteActivityAsync((Payments payments) => payments.Charge(order, Workflow.NewGuid()), Options);
                }
            }
            """);
    }

    [Fact]
    public Task The_activity_itself_and_other_expression_trees_are_not_workflow_code()
    {
        return VerifyAsync("""
            public class Payments
            {
                [Activity]
                public Task Charge(string order) => Task.FromResult(DateTime.UtcNow);
            }

            [Workflow]
            public class Billing
            {
                [WorkflowRun]
                public async Task RunAsync(string order)
                {
                    await Workflow.ExecuteActivityAsync((Payments payments) => payments.Charge(order), new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
                    System.Linq.Expressions.Expression<Func<int>> day = () => DateTime.UtcNow.Day;
                }
            }
            """);
    }
}
