using System;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Runtime;
using Temporalio.Client;

namespace OrderSaga;

/// <summary>
/// The operator of the live run: while the saga runs it watches its status, and when the saga waits
/// for an operator it fixes the planned fault and retries what was parked, as a person would after
/// repairing the service.
/// </summary>
internal static class OperatorDesk
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public static async Task<OrderSagaResult> ResultAsync(ITemporalClient client, WorkflowHandle<OrderSagaWorkflow, OrderSagaResult> handle, FaultPlan faults)
    {
        var result = handle.GetResultAsync();
        while (await Task.WhenAny(result, Task.Delay(Poll)) != result)
        {
            var status = await client.GetOrderSagaStatusAsync(handle.Id);
            if (status.Phase != SagaPhase.WaitingForOperator)
            {
                continue;
            }

            Console.WriteLine("The saga waits for an operator:");
            OfflineStatus.Print(status);
            foreach (var parked in status.WaitingForOperator)
            {
                var method = parked.Activity.Split('.').Last();
                faults.Fix(method);
                Console.WriteLine($"Operator: fixed {method}; retrying it for step {parked.Step} with its key {parked.IdempotencyKey}.");
                await client.RetryOrderSagaStepAsync(handle.Id, parked.Step);
            }
        }

        return await result;
    }
}
