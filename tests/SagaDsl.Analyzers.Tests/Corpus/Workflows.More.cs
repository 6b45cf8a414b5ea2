namespace Corpus;

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Temporalio.Workflows;

public record Step(string Kind, string Argument, IReadOnlyList<Step> Children);

/// <summary>Interprets steps from its input; the interpreter lives in another type and is followed.</summary>
public sealed class StepInterpreter
{
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);

    public async Task RunAsync(Step step)
    {
        switch (step.Kind)
        {
            case "sequence":
                foreach (var child in step.Children)
                {
                    await RunAsync(child);
                }

                break;
            case "parallel":
                var branches = new List<Task>();
                foreach (var child in step.Children)
                {
                    branches.Add(Workflow.RunTaskAsync(() => RunAsync(child)));
                }

                await Workflow.WhenAllAsync(branches);
                break;
            case "sleep":
                await Workflow.DelayAsync(TimeSpan.Parse(step.Argument, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                variables[step.Kind] = await Workflow.ExecuteActivityAsync<string>(
                    "Normalize",
                    new object?[] { step.Argument },
                    new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
                break;
        }
    }
}

[Workflow]
public class InterpreterWorkflow
{
    [WorkflowRun]
    public async Task RunAsync(Step root)
    {
        /*plant*/
        await new StepInterpreter().RunAsync(root);
    }
}

/// <summary>Activities by static method, by sync method and by name.</summary>
[Workflow]
public class ActivityShapesWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string text)
    {
        /*plant*/
        var options = new ActivityOptions { StartToCloseTimeout = TimeSpan.FromSeconds(10) };
        var normalized = await Workflow.ExecuteActivityAsync(() => Activities.Normalize(text), options);
        await Workflow.ExecuteActivityAsync((Activities activities) => activities.SendEmail("ops@example.com", normalized), options);
        var score = await Workflow.ExecuteActivityAsync<int>("Score", new object?[] { new[] { 1, 2, 3 } }, options);
        return normalized + score;
    }
}

/// <summary>An update that returns to its caller early while the run goes on.</summary>
[Workflow]
public class PaymentWorkflow
{
    private string? transactionId;
    private bool settled;

    [WorkflowRun]
    public async Task<string> RunAsync(decimal amount)
    {
        /*plant*/
        var invoice = await Workflow.ExecuteActivityAsync(
            (Activities activities) => activities.CreateInvoiceAsync("payment", amount),
            new() { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
        transactionId = invoice.Id;
        await Workflow.DelayAsync(TimeSpan.FromSeconds(5));
        settled = true;
        await Workflow.WaitConditionAsync(() => Workflow.AllHandlersFinished);
        return invoice.Id;
    }

    [WorkflowUpdate]
    public async Task<string> ConfirmAsync()
    {
        await Workflow.WaitConditionAsync(() => transactionId is not null);
        return transactionId!;
    }

    [WorkflowQuery]
    public bool Settled => settled;
}
