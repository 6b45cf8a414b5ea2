namespace SagaDsl.Runtime;

/// <summary>What an operator told a saga to do with a step or compensation it parked.</summary>
public enum SagaOperatorDecision
{
    /// <summary>Run it again, with the same idempotency key: the cause of its failure was fixed.</summary>
    Retry,

    /// <summary>Go on without it: the operator took care of it and gave a reason, which the saga records.</summary>
    Skip,
}
