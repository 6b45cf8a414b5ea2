using System.Collections.Generic;
using System.Threading.Tasks;
using Temporalio.Api.OperatorService.V1;
using Temporalio.Client;
using Temporalio.Common;
using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>Makes sure the saga's search attributes exist on the namespace before sagas start.</summary>
public static class SearchAttributeRegistration
{
    /// <summary>Registers the keys that are missing; keys that exist are left as they are.</summary>
    /// <param name="client">A client of the namespace.</param>
    /// <param name="keys">The keys, such as <c>OrderSagaWorkflow.SearchAttributes.All</c>.</param>
    /// <returns>A task that completes when the keys exist.</returns>
    public static async Task EnsureAsync(ITemporalClient client, IEnumerable<SearchAttributeKey> keys)
    {
        var request = new AddSearchAttributesRequest { Namespace = client.Options.Namespace };
        foreach (var key in keys)
        {
            request.SearchAttributes.Add(key.Name, key.ValueType);
        }

        try
        {
            await client.Connection.OperatorService.AddSearchAttributesAsync(request);
        }
        catch (RpcException e) when (e.Code == RpcException.StatusCode.AlreadyExists)
        {
            // Registered by an earlier run: nothing to do.
        }
    }
}
