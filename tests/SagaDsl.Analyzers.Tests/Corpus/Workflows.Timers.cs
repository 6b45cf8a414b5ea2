namespace Corpus;

using System;
using System.Threading;
using System.Threading.Tasks;
using Temporalio.Exceptions;
using Temporalio.Workflows;

/// <summary>Polls with a durable timer in a loop.</summary>
[Workflow]
public class ShipmentPollingWorkflow
{
    [WorkflowRun]
    public async Task<int> RunAsync(string shipmentId)
    {
        /*plant*/
        for (var attempt = 1; ; attempt++)
        {
            var status = await Workflow.ExecuteActivityAsync(
                (Activities activities) => activities.CheckShipmentAsync(shipmentId),
                new() { StartToCloseTimeout = TimeSpan.FromSeconds(30) });
            if (status.Delivered)
            {
                return attempt;
            }

            await Workflow.DelayAsync(TimeSpan.FromMinutes(Math.Min(60, attempt * 5)));
        }
    }
}

/// <summary>A timer whose deadline a signal moves, kept in a helper class of its own.</summary>
public class MovableDeadline
{
    private DateTime wakeUp;
    private bool moved;

    public MovableDeadline(DateTime wakeUp) => this.wakeUp = wakeUp;

    public DateTime WakeUp => wakeUp;

    public async Task SleepAsync()
    {
        while (true)
        {
            var remaining = wakeUp - Workflow.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            moved = false;
            if (!await Workflow.WaitConditionAsync(() => moved, remaining))
            {
                return;
            }
        }
    }

    public void Move(DateTime value)
    {
        wakeUp = value;
        moved = true;
    }
}

[Workflow]
public class AlarmWorkflow
{
    private readonly MovableDeadline deadline;

    [WorkflowInit]
    public AlarmWorkflow(DateTime wakeUp) => deadline = new MovableDeadline(wakeUp);

    [WorkflowRun]
    public async Task RunAsync(DateTime wakeUp)
    {
        /*plant*/
        await deadline.SleepAsync();
    }

    [WorkflowSignal]
    public Task MoveAsync(DateTime wakeUp)
    {
        deadline.Move(wakeUp);
        return Task.CompletedTask;
    }

    [WorkflowQuery]
    public DateTime WakeUp => deadline.WakeUp;
}

/// <summary>Races a timer against an activity, and cancels the loser with a plain token source.</summary>
[Workflow]
public class RaceWorkflow
{
    [WorkflowRun]
    public async Task<string> RunAsync(string shipmentId)
    {
        /*plant*/
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Workflow.CancellationToken);
        var check = Workflow.ExecuteActivityAsync(
            (Activities activities) => activities.CheckShipmentAsync(shipmentId),
            new() { StartToCloseTimeout = TimeSpan.FromMinutes(1), CancellationToken = cancel.Token });
        var timeout = Workflow.DelayAsync(TimeSpan.FromMinutes(2), cancel.Token);
        var first = await Workflow.WhenAnyAsync(check, timeout);
        cancel.Cancel();
        return first == check ? "checked" : "timed out";
    }
}

/// <summary>Cleans up on cancellation with a detached token.</summary>
[Workflow]
public class InvoiceWorkflow
{
    [WorkflowRun]
    public async Task RunAsync(string customer)
    {
        /*plant*/
        var invoice = await Workflow.ExecuteActivityAsync(
            (Activities activities) => activities.CreateInvoiceAsync(customer, 10m),
            new() { StartToCloseTimeout = TimeSpan.FromMinutes(1) });
        try
        {
            await Workflow.DelayAsync(TimeSpan.FromDays(30));
        }
        catch (Exception e) when (TemporalException.IsCanceledException(e))
        {
            await Workflow.ExecuteActivityAsync(
                (Activities activities) => activities.CancelInvoiceAsync(invoice),
                new() { StartToCloseTimeout = TimeSpan.FromMinutes(1), CancellationToken = CancellationToken.None });
            throw;
        }
    }
}
