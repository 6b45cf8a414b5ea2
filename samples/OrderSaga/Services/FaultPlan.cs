using System;
using System.Collections.Generic;
using Temporalio.Exceptions;

namespace OrderSaga;

/// <summary>
/// Which steps and compensations misbehave, for trying the saga's failure paths against real
/// services: fail for good, or crash after their effect.
/// </summary>
public sealed class FaultPlan
{
    /// <summary>The error type of a planned failure; it is not retried.</summary>
    public const string InjectedFault = "InjectedFault";

    /// <summary>The error type of a planned crash; Temporal retries it.</summary>
    public const string InjectedCrash = "InjectedCrash";

    private readonly HashSet<string> failing;
    private readonly HashSet<string> crashing;
    private readonly int crashingAttempts;

    /// <summary>Initializes a new instance of the <see cref="FaultPlan"/> class.</summary>
    /// <param name="failing">Methods that fail for good before doing anything.</param>
    /// <param name="crashingAfterEffect">
    /// Methods that do their work and then crash before reporting back, as a worker that dies
    /// mid-activity: the retry must find the work done, through the idempotency key.
    /// </param>
    /// <param name="crashingAttempts">How many attempts crash: the first by default; more to keep a worker from ever finishing.</param>
    public FaultPlan(IEnumerable<string> failing, IEnumerable<string>? crashingAfterEffect = null, int crashingAttempts = 1)
    {
        this.failing = new HashSet<string>(failing, StringComparer.OrdinalIgnoreCase);
        crashing = new HashSet<string>(crashingAfterEffect ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        this.crashingAttempts = crashingAttempts;
    }

    /// <summary>Gets a plan in which nothing misbehaves.</summary>
    public static FaultPlan None { get; } = new(Array.Empty<string>());

    /// <summary>Called before a method does its work: fails it when the plan says so.</summary>
    /// <param name="method">The step or compensation.</param>
    public void BeforeEffect(string method)
    {
        bool fails;
        lock (failing)
        {
            fails = failing.Contains(method);
        }

        if (fails)
        {
            throw new ApplicationFailureException($"{InjectedFault} in {method}", InjectedFault, nonRetryable: true);
        }
    }

    /// <summary>An operator fixed what made a method fail: from now on it does its work.</summary>
    /// <param name="method">The step or compensation.</param>
    public void Fix(string method)
    {
        lock (failing)
        {
            failing.Remove(method);
        }
    }

    /// <summary>Called after a method did its work: crashes the planned attempts.</summary>
    /// <param name="method">The step or compensation.</param>
    /// <param name="attempt">The activity attempt, from 1.</param>
    public void AfterEffect(string method, int attempt)
    {
        if (attempt <= crashingAttempts && crashing.Contains(method))
        {
            throw new ApplicationFailureException($"{method} crashed after its effect", InjectedCrash);
        }
    }
}
