using System.Collections.Generic;

namespace SagaDsl.Runtime;

/// <summary>What every generated saga result has in common, for tools that handle any saga.</summary>
public interface ISagaResult
{
    /// <summary>Gets the failures of non-critical steps, in step order.</summary>
    IReadOnlyList<StepFailure> NonCriticalFailures { get; }

    /// <summary>
    /// Gets the critical steps after the pivot that failed for good and an operator told the saga to go
    /// on without, each with the reason (<see cref="StepFailure.SkippedBecause"/>).
    /// </summary>
    IReadOnlyList<StepFailure> SkippedSteps { get; }
}
