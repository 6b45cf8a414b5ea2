using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SagaDsl.Testing.Scenarios;

namespace SagaDsl.Benchmarks.Figures;

/// <summary>
/// A hand-written baseline is only a baseline when it is the same saga: every scenario of the
/// generated workflow must replay exactly, and its history must replay through the hand-written one too.
/// </summary>
internal static class HandWrittenTwin
{
    /// <summary>Both workflows' results for every scenario; throws with the kit's reports when one does not replay.</summary>
    public static async Task<(IReadOnlyList<SagaScenarioResult> Generated, IReadOnlyList<SagaScenarioResult> HandWritten)> ReplayBothAsync(IReadOnlyList<SagaScenario> scenarios, Type handWritten)
    {
        var generated = await scenarios.RunAllAsync();
        var twins = await scenarios.Select(scenario => scenario.ReplayedBy(handWritten)).RunAllAsync();
        var unverified = generated.Concat(twins).Where(result => !result.Verified).ToList();
        if (unverified.Count > 0)
        {
            throw new InvalidOperationException($"{handWritten.Name} is not the generated saga: a workflow did not replay its scenario:\n" + string.Join("\n", unverified.Select(result => result.Report)));
        }

        return (generated, twins);
    }
}
