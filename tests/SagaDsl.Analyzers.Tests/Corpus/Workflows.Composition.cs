namespace Corpus;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Temporalio.Common;
using Temporalio.Workflows;

/// <summary>Starts children and waits for all of them.</summary>
[Workflow]
public class BatchWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(IReadOnlyList<string> shipments)
    {
        /*plant*/
        var children = shipments.Select(id => Workflow.ExecuteChildWorkflowAsync(
            (ShipmentPollingWorkflow child) => child.RunAsync(id),
            new() { Id = $"{Workflow.Info.WorkflowId}-{id}", ParentClosePolicy = ParentClosePolicy.Abandon }));
        var attempts = await Workflow.WhenAllAsync(children);
        return attempts.Sum();
    }
}

/// <summary>Runs work concurrently inside the workflow scheduler.</summary>
[Workflow]
public class FanOutWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(IReadOnlyList<int> values)
    {
        /*plant*/
        var halves = new[]
        {
            Workflow.RunTaskAsync(() => ScoreAsync(values.Take(values.Count / 2).ToList())),
            Workflow.RunTaskAsync(() => ScoreAsync(values.Skip(values.Count / 2).ToList())),
        };
        var scores = await Workflow.WhenAllAsync(halves);
        return scores.Max();
    }

    private static Task<int> ScoreAsync(List<int> values) =>
        Workflow.ExecuteLocalActivityAsync(() => Activities.Score(values), new() { StartToCloseTimeout = TimeSpan.FromSeconds(10) });
}

/// <summary>Continues as new when the history grows long.</summary>
[Workflow]
public class CounterWorkflow
{
    private int pending;

    [WorkflowRun]
    public async Task RunAsync(int total)
    {
        /*plant*/
        while (true)
        {
            await Workflow.WaitConditionAsync(() => pending > 0 || Workflow.ContinueAsNewSuggested);
            if (Workflow.ContinueAsNewSuggested)
            {
                throw Workflow.CreateContinueAsNewException((CounterWorkflow workflow) => workflow.RunAsync(total + pending));
            }

            total += pending;
            pending = 0;
        }
    }

    [WorkflowSignal]
    public Task AddAsync(int amount)
    {
        pending += amount;
        return Task.CompletedTask;
    }
}

/// <summary>A hand-written saga: compensations in reverse, detached from cancellation.</summary>
[Workflow]
public class HandWrittenSagaWorkflow
{
    [WorkflowRun]
    public async Task RunAsync(string customer)
    {
        /*plant*/
        var compensations = new Stack<Func<Task>>();
        var options = new ActivityOptions { StartToCloseTimeout = TimeSpan.FromMinutes(1) };
        var detached = new ActivityOptions { StartToCloseTimeout = TimeSpan.FromMinutes(1), CancellationToken = System.Threading.CancellationToken.None };
        try
        {
            var invoice = await Workflow.ExecuteActivityAsync((Activities activities) => activities.CreateInvoiceAsync(customer, 99m), options);
            compensations.Push(() => Workflow.ExecuteActivityAsync((Activities activities) => activities.CancelInvoiceAsync(invoice), detached));
            await Workflow.ExecuteActivityAsync((Activities activities) => activities.SendEmail(customer, "invoice " + invoice.Id), options);
        }
        catch (Exception)
        {
            while (compensations.Count > 0)
            {
                await compensations.Pop()();
            }

            throw;
        }
    }
}

/// <summary>Patching, search attributes, memo-free info, deterministic ids and randomness.</summary>
[Workflow]
public class ReportWorkflow
{
    private static readonly SearchAttributeKey<string> CustomerKey = SearchAttributeKey.CreateKeyword("Customer");
    private const int MaxLines = 100;

    [WorkflowRun]
    public async Task<string> RunAsync(string customer)
    {
        /*plant*/
        Workflow.UpsertTypedSearchAttributes(CustomerKey.ValueSet(customer));
        var id = Workflow.NewGuid();
        var sample = Workflow.Random.Next(MaxLines);
        var started = Workflow.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        if (Workflow.Patched("send-email"))
        {
            await Workflow.ExecuteActivityAsync(
                (Activities activities) => activities.SendEmail(customer, $"report {id} line {sample}"),
                new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
        }

        Workflow.Logger.LogInformation("Report {Id} for {Customer} started {Started}", id, customer, started);
        return string.Join(",", new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }.Select(pair => pair.Key + pair.Value));
    }
}

/// <summary>Serializes updates with the workflow's own mutex.</summary>
[Workflow]
public class LedgerWorkflow
{
    private readonly Temporalio.Workflows.Mutex entriesLock = new();
    private readonly Temporalio.Workflows.Semaphore slots = new(2);
    private readonly List<decimal> entries = new();
    private bool closed;

    [WorkflowRun]
    public async Task<decimal> RunAsync()
    {
        /*plant*/
        await Workflow.WaitConditionAsync(() => closed && Workflow.AllHandlersFinished);
        return entries.Sum();
    }

    [WorkflowUpdate]
    public async Task<decimal> PostAsync(decimal amount)
    {
        await slots.WaitAsync();
        await entriesLock.WaitOneAsync();
        try
        {
            var invoice = await Workflow.ExecuteActivityAsync(
                (Activities activities) => activities.CreateInvoiceAsync("ledger", amount),
                new() { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
            entries.Add(invoice.Amount);
            return entries.Sum();
        }
        finally
        {
            entriesLock.ReleaseMutex();
            slots.Release();
        }
    }

    [WorkflowSignal]
    public Task CloseAsync()
    {
        closed = true;
        return Task.CompletedTask;
    }
}
