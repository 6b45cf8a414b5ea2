using System;

namespace SagaDsl.Testing.Exploration;

/// <summary>Thrown by <see cref="ExplorationReport.EnsureNoViolations"/> when a path broke a promise.</summary>
public sealed class SagaExplorationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SagaExplorationException"/> class.</summary>
    /// <param name="report">The exploration's report.</param>
    public SagaExplorationException(ExplorationReport report)
        : base((report ?? throw new ArgumentNullException(nameof(report))).ToString()) => Report = report;

    /// <summary>Gets the exploration's report.</summary>
    public ExplorationReport Report { get; }
}
