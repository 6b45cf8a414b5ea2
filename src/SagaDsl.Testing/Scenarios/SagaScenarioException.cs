using System;

namespace SagaDsl.Testing.Scenarios;

/// <summary>A saga workflow did not do what its scenario requires; the message is the scenario's report.</summary>
public sealed class SagaScenarioException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SagaScenarioException"/> class.</summary>
    public SagaScenarioException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SagaScenarioException"/> class.</summary>
    /// <param name="message">The report.</param>
    public SagaScenarioException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SagaScenarioException"/> class.</summary>
    /// <param name="message">The report.</param>
    /// <param name="innerException">The cause.</param>
    public SagaScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
