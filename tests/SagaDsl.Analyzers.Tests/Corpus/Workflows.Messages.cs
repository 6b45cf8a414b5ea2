namespace Corpus;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Temporalio.Exceptions;
using Temporalio.Workflows;

/// <summary>Waits for a signal, with a durable timeout.</summary>
[Workflow]
public class ApprovalWorkflow
{
    private string? decision;

    [WorkflowRun]
    public async Task<string> RunAsync(string request)
    {
        /*plant*/
        var decided = await Workflow.WaitConditionAsync(() => decision is not null, TimeSpan.FromDays(2));
        Workflow.Logger.LogInformation("Request {Request} decided: {Decided}", request, decided);
        return decided ? decision! : "expired";
    }

    [WorkflowSignal]
    public Task DecideAsync(string value)
    {
        decision = value;
        return Task.CompletedTask;
    }

    [WorkflowQuery]
    public string Status => decision ?? "pending";
}

/// <summary>An update guarded by a validator, and a query method.</summary>
[Workflow]
public class CartWorkflow
{
    private readonly List<string> items = new();
    private bool checkedOut;

    [WorkflowRun]
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        /*plant*/
        await Workflow.WaitConditionAsync(() => checkedOut);
        return items.OrderBy(item => item, StringComparer.Ordinal).ToList();
    }

    [WorkflowUpdateValidator(nameof(AddItemAsync))]
    public void ValidateAddItem(string item)
    {
        if (string.IsNullOrWhiteSpace(item) || checkedOut)
        {
            throw new ApplicationFailureException("Cannot add that item now");
        }
    }

    [WorkflowUpdate]
    public async Task<int> AddItemAsync(string item)
    {
        var normalized = await Workflow.ExecuteLocalActivityAsync(() => Activities.Normalize(item), new() { StartToCloseTimeout = TimeSpan.FromSeconds(5) });
        items.Add(normalized);
        return items.Count;
    }

    [WorkflowSignal]
    public Task CheckoutAsync()
    {
        checkedOut = true;
        return Task.CompletedTask;
    }

    [WorkflowQuery]
    public int CountItems(string prefix) => items.Count(item => item.StartsWith(prefix, StringComparison.Ordinal));
}

/// <summary>Signals another running workflow through its handle.</summary>
[Workflow]
public class NotifierWorkflow
{
    [WorkflowRun]
    public async Task RunAsync(string approvalWorkflowId)
    {
        /*plant*/
        var handle = Workflow.GetExternalWorkflowHandle<ApprovalWorkflow>(approvalWorkflowId);
        await handle.SignalAsync(workflow => workflow.DecideAsync("approved"));
    }
}
