using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SagaDsl.Testing.Scenarios;

/// <summary>Runs many scenarios at once.</summary>
public static class ScenarioRuns
{
    /// <summary>Runs each scenario, one after the other, and returns every result.</summary>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>The results, in the scenarios' order.</returns>
    public static async Task<IReadOnlyList<SagaScenarioResult>> RunAllAsync(this IEnumerable<SagaScenario> scenarios, CancellationToken cancellationToken = default)
    {
        var results = new List<SagaScenarioResult>();
        foreach (var scenario in scenarios)
        {
            results.Add(await scenario.RunAsync(cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Runs each scenario and throws with the report of every one that is not verified.</summary>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="cancellationToken">Stops the runs.</param>
    /// <returns>The results, all verified.</returns>
    /// <exception cref="SagaScenarioException">At least one scenario is not verified.</exception>
    public static async Task<IReadOnlyList<SagaScenarioResult>> VerifyAllAsync(this IEnumerable<SagaScenario> scenarios, CancellationToken cancellationToken = default)
    {
        var results = await scenarios.RunAllAsync(cancellationToken).ConfigureAwait(false);
        var failed = results.Where(result => !result.Verified).ToList();
        if (failed.Count > 0)
        {
            throw new SagaScenarioException($"{failed.Count} of {results.Count} scenarios not verified:\n\n" + string.Join("\n", failed.Select(result => result.Report)));
        }

        return results;
    }
}
