namespace SagaDsl.Runtime;

/// <summary>What every generated saga workflow answers, for tools that handle any saga.</summary>
public interface ISagaWorkflow
{
    /// <summary>Gets where the saga stands; the workflow's <c>Status</c> query.</summary>
    SagaStatus Status { get; }
}
