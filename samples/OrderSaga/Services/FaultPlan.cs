using System;
using System.Collections.Generic;
using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>The steps and compensations that should fail, for trying the saga's failure paths.</summary>
public sealed class FaultPlan
{
    /// <summary>The error type of an injected fault; it is not retried.</summary>
    public const string InjectedFault = "InjectedFault";

    private readonly HashSet<string> failing;

    /// <summary>Initializes a new instance of the <see cref="FaultPlan"/> class.</summary>
    /// <param name="failing">Method names of the steps or compensations that fail.</param>
    public FaultPlan(IEnumerable<string> failing) => this.failing = new HashSet<string>(failing, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets a plan in which nothing fails.</summary>
    public static FaultPlan None { get; } = new(Array.Empty<string>());

    /// <summary>Fails the calling step when the plan says so.</summary>
    /// <param name="method">The step or compensation.</param>
    public void ThrowIfPlanned(string method)
    {
        if (failing.Contains(method))
        {
            throw new ApplicationFailureException($"Injected fault in {method}", InjectedFault, nonRetryable: true);
        }
    }
}
